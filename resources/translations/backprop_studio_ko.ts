<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>Document</name>
    <message>
        <location filename="../../nodeeditor/gui/document.py" line="+26"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>graph</source>
        <translation>그래프</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <location filename="../../nodeeditor/gui/edge_item.py" line="+371"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient</source>
        <translation>기울기</translation>
    </message>
</context>
<context>
    <name>ForwardPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/forward_panel.py" line="+81"/>
        <source>Forward mode</source>
        <translation>전진 모드</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction: one element</source>
        <translation>방향: 원소 하나</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or a direction typed (same shape)</source>
        <translation>또는 방향 직접 입력 (같은 형상)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Each wire&apos;s blue label is d(wire)/d{x}: how fast the wire moves when {x} moves, found in one forward pass from {x}, beside the values.</source>
        <translation>각 연결선의 파란 라벨은 d(연결선)/d{x}입니다: {x}이(가) 움직일 때 그 연결선이 얼마나 빨리 움직이는지를, {x}에서 시작하는 전진 패스 한 번으로 값과 함께 구합니다.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the direction has shape {got}, the Input {want}</source>
        <translation>방향의 형상은 {got}인데 입력 노드의 형상은 {want}입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Not a direction: {reason}</source>
        <translation>방향이 아닙니다: {reason}</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <location filename="../../nodeeditor/gui/help_pages.py" line="+87"/>
        <source>Getting started</source>
        <translation>시작하기</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each node does one small computation. Every wire shows two numbers: the value flowing forward (dark, above the wire) and the gradient ∂L/∂value flowing back (red, below it). Change anything and every number follows at once.</source>
        <translation>노드 하나는 작은 계산 하나를 합니다. 모든 선에는 숫자가 두 개 보입니다: 앞으로 흐르는 값(검은색, 선 위)과 거꾸로 흐르는 기울기 ∂L/∂값(빨간색, 선 아래)입니다. 무엇이든 바꾸면 모든 숫자가 바로 따라 바뀝니다.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Open a lesson&lt;/b&gt;: File ▸ Examples. The Lesson panel explains it; start with “The Add node” or “Buying apples”.</source>
        <translation>&lt;b&gt;수업 열기&lt;/b&gt;: 파일 ▸ 예제. 수업 패널에 설명이 나옵니다. “덧셈 노드”나 “사과 쇼핑”부터 시작해 보세요.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Add a node&lt;/b&gt;: drag it from the Nodes palette onto the canvas, or press &lt;b&gt;Tab&lt;/b&gt; on the canvas and type a few letters of its name.</source>
        <translation>&lt;b&gt;노드 추가&lt;/b&gt;: 노드 팔레트에서 캔버스로 끌어다 놓거나, 캔버스에서 &lt;b&gt;Tab&lt;/b&gt; 키를 누르고 이름의 몇 글자를 입력합니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Wire&lt;/b&gt;: drag from a node&apos;s output (the dot on its right) to another node&apos;s input (a dot on its left). Drag a wire&apos;s end away to take it off.</source>
        <translation>&lt;b&gt;선 연결&lt;/b&gt;: 한 노드의 출력(오른쪽 점)에서 다른 노드의 입력(왼쪽 점)으로 끌어 줍니다. 선의 끝을 끌어서 떼어 내면 연결이 끊어집니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Change a number&lt;/b&gt;: double-click an Input&apos;s value and type it, or drag the value sideways.</source>
        <translation>&lt;b&gt;숫자 바꾸기&lt;/b&gt;: 입력 노드의 값을 더블클릭해서 입력하거나, 값을 옆으로 끌어 줍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Watch backpropagation&lt;/b&gt;: the Step through panel below walks the forward pass and then the backward pass one node at a time, with each local computation written out. Gradient check compares every gradient with a numerical one.</source>
        <translation>&lt;b&gt;역전파 지켜보기&lt;/b&gt;: 아래의 단계별 실행 패널은 순전파와 역전파를 노드 하나씩 따라가며 각 국소적 계산을 숫자로 보여 줍니다. 기울기 확인은 모든 기울기를 수치 미분과 비교합니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Undo&lt;/b&gt; any edit with {undo}, redo it with {redo}. Save with {save}; work not saved yet is kept every minute and offered back if the app stops unexpectedly.</source>
        <translation>모든 편집은 {undo}(으)로 &lt;b&gt;실행 취소&lt;/b&gt;하고 {redo}(으)로 다시 실행할 수 있습니다. 저장은 {save}입니다. 아직 저장하지 않은 작업은 1분마다 보관되어, 앱이 갑자기 멈춰도 다음에 되살릴 수 있습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help ▸ Keyboard shortcuts lists every key.</source>
        <translation>도움말 ▸ 단축키에서 모든 키를 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>GradCheckPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/gradcheck_panel.py" line="+98"/>
        <source>Check gradients</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backprop</source>
        <translation>역전파</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Numerical</source>
        <translation>수치 미분</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Compare every Input&apos;s backprop gradient with central differences.</source>
        <translation>모든 입력 노드에서 역전파로 구한 기울기를 중앙 차분으로 구한 수치 미분과 비교합니다.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>no gradient</source>
        <translation>기울기 없음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>agree</source>
        <translation>일치</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>differ (explained)</source>
        <translation>다름 (이유 있음)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DISAGREE</source>
        <translation>불일치</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Backprop: one forward and one backward pass, {bp:.3f} ms. Numerical: {passes} forward passes, {num:.3f} ms.</source>
        <translation>역전파: 순전파 1번과 역전파 1번, {bp:.3f} ms. 수치 미분: 순전파 {passes}번, {num:.3f} ms.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>NaN: cannot compare</source>
        <translation>NaN: 비교할 수 없음</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>backprop gives {value}: {why}</source>
        <translation>역전파 결과가 {value}입니다: {why}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>L is {loss} here ({why}), so central differences are NaN: there is nothing to compare.</source>
        <translation>여기서 L이 {loss}이므로({why}) 중앙 차분도 NaN입니다. 비교할 값이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L is not a number a step ε = {eps} away from this value, so central differences are NaN there.</source>
        <translation>이 값에서 ε = {eps}만큼 떨어진 곳에서 L이 수가 아니므로, 그곳의 중앙 차분은 NaN입니다.</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <location filename="../../nodeeditor/gui/scene.py" line="+326"/>
        <source>Add {type}</source>
        <translation>{type} 추가</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>connect an output (right side) to an input (left side)</source>
        <translation>출력(오른쪽)을 입력(왼쪽)에 연결하세요</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>wire removed</source>
        <translation>연결선을 지웠습니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rewire</source>
        <translation>다시 연결</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Wire replaced: {node} · {port} now comes from {new}, no longer from {old}</source>
        <translation>연결선을 바꿨습니다: {node} · {port}의 입력이 {old} 대신 {new}에서 옵니다</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <location filename="../../nodeeditor/gui/view.py" line="+334"/>
        <source>Drag a node from the Nodes palette onto the canvas,
or press Tab and type its name.

File ▸ Examples has lessons ready to explore.</source>
        <translation>노드 목록에서 노드를 캔버스로 끌어다 놓거나,
Tab 키를 누르고 노드 이름을 입력하세요.

파일 ▸ 예제에 바로 살펴볼 수 있는 수업이 있습니다.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../nodeeditor/gui/inspector.py" line="+121"/>
        <source>Select one node to see its numbers and its chain rule.</source>
        <translation>노드를 하나 선택하면 그 노드의 값과 연쇄 법칙을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trainable (a parameter for training)</source>
        <translation>학습 가능 (학습으로 바꿀 매개변수)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parameter</source>
        <translation>설정값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Formula</source>
        <translation>식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local derivatives</source>
        <translation>국소적 미분</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>순전파</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chain rule</source>
        <translation>연쇄 법칙</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Not a valid value: {reason}</source>
        <translation>올바른 값이 아닙니다: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refused: see the status bar.</source>
        <translation>받아들일 수 없습니다: 상태 표시줄을 보세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Make trainable</source>
        <translation>학습 가능하게 하기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make fixed</source>
        <translation>값 고정하기</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Gradient</source>
        <translation>기울기</translation>
    </message>
</context>
<context>
    <name>LargeGraph</name>
    <message>
        <location filename="../../nodeeditor/gui/large_graph.py" line="+34"/>
        <source>{name} has {nodes} nodes. The editor draws graphs of up to {limit} nodes well; one this large would take minutes and gigabytes of memory to draw.

Open shows it read-only: its Inputs and Outputs with their values and gradients. Cancel keeps the graph you have open now.</source>
        <translation>{name}에는 노드가 {nodes}개 있습니다. 편집기는 노드 {limit}개까지의 그래프를 잘 그리지만, 이만큼 큰 그래프는 그리는 데 몇 분과 수 기가바이트의 메모리가 듭니다.

&apos;열기&apos;를 누르면 읽기 전용으로 입력 노드와 출력 노드의 값과 기울기를 보여 줍니다. &apos;취소&apos;를 누르면 지금 열려 있는 그래프를 그대로 둡니다.</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../nodeeditor/gui/target_banner.py" line="+105"/>
        <source>value of the wire (forward)</source>
        <translation>연결선의 값 (순전파)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>∂{t}/∂(wire), reverse mode</source>
        <translation>∂{t}/∂(연결선), 후진 모드 (역전파)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>d(wire)/d{x}, forward mode</source>
        <translation>d(연결선)/d{x}, 전진 모드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a wire on a path to {t}</source>
        <translation>{t}(으)로 가는 경로 위의 연결선</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/lesson_panel.py" line="+69"/>
        <source>No lesson</source>
        <translation>수업 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a lesson from File ▸ Examples to read its explanation here.</source>
        <translation>파일 ▸ 예제에서 수업을 열면 여기에서 설명을 읽을 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../nodeeditor/gui/loss_plot.py" line="+64"/>
        <source>The loss appears here as you train.</source>
        <translation>학습을 시작하면 여기에 손실이 그려집니다.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>step {n}: L = {loss}</source>
        <translation>{n}단계: L = {loss}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>step</source>
        <translation>단계</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>loss</source>
        <translation>손실</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../nodeeditor/gui/app.py" line="+99"/>
        <source>Recover unsaved work?</source>
        <translation>저장하지 않은 작업을 복구할까요?</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>not saved yet</source>
        <translation>아직 저장하지 않음</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>autosaved {time}</source>
        <translation>{time}에 자동 저장됨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backprop Studio did not close properly last time. This unsaved work was kept:</source>
        <translation>지난번에 Backprop Studio가 제대로 종료되지 않았습니다. 저장하지 않은 다음 작업이 보관되어 있습니다:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recover it? Discard deletes these copies.</source>
        <translation>복구할까요? &apos;무시&apos;를 누르면 이 사본들은 삭제됩니다.</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/main_window.py" line="+78"/>
        <source>Graph files (*.bpgraph *.json);;All files (*)</source>
        <translation>그래프 파일 (*.bpgraph *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Backprop Studio</source>
        <translation>Backprop Studio</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Nodes</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspector</source>
        <translation>속성</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step through</source>
        <translation>단계별 실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient check</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+96"/>
        <source>Ready</source>
        <translation>준비</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>{name}[*] — Backprop Studio</source>
        <translation>{name}[*] — Backprop Studio</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export Picture…</source>
        <translation>그림으로 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cu&amp;t</source>
        <translation>잘라내기(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>붙여넣기(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>복제(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>삭제(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select &amp;All</source>
        <translation>모두 선택(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;In</source>
        <translation>확대(&amp;I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;Out</source>
        <translation>축소(&amp;O)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Actual Size</source>
        <translation>실제 크기(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Frame Selection</source>
        <translation>선택 영역에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tidy Layout</source>
        <translation>자동 정렬(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Snap to Grid</source>
        <translation>격자에 맞추기(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Getting Started</source>
        <translation>시작하기(&amp;G)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Backprop Studio</source>
        <translation>Backprop Studio 정보(&amp;A)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xamples</source>
        <translation>예제(&amp;X)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Chain Rule</source>
        <translation>연쇄 법칙(&amp;C)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Main</source>
        <translation>기본 도구</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cannot open {name}</source>
        <translation>{name} 파일을 열 수 없습니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A very large graph</source>
        <translation>아주 큰 그래프</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Open Graph</source>
        <translation>그래프 열기</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save Graph</source>
        <translation>그래프 저장</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Save failed</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The file on disk was not changed.</source>
        <translation>디스크에 있는 파일은 바뀌지 않았습니다.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved {path}</source>
        <translation>저장했습니다: {path}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{name} has unsaved changes. Save them?</source>
        <translation>{name}에 저장하지 않은 변경 사항이 있습니다. 저장할까요?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsaved changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export Picture</source>
        <translation>그림으로 내보내기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG 그림 (*.svg)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export failed</source>
        <translation>내보내지 못했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported {path}</source>
        <translation>내보냈습니다: {path}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The clipboard holds no graph to paste.</source>
        <translation>클립보드에 붙여넣을 그래프가 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste</source>
        <translation>붙여넣기</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tidy layout</source>
        <translation>자동 정렬</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>About Backprop Studio</source>
        <translation>Backprop Studio 정보</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;h3&gt;Backprop Studio {version}&lt;/h3&gt;&lt;p&gt;Build computational graphs and watch forward values and backward gradients flow along every wire.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Backprop Studio {version}&lt;/h3&gt;&lt;p&gt;계산 그래프를 만들고, 순전파의 값과 역전파의 기울기가 모든 연결선을 따라 흐르는 모습을 지켜보세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/chain_rule_ui.py" line="+44"/>
        <source>&amp;Paths to the Loss</source>
        <translation>손실까지의 경로(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Differentiate This Node</source>
        <translation>이 노드를 미분하기(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward-Mode Derivatives from &amp;Here</source>
        <translation>여기서부터 전진 모드 미분(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward Mode &amp;Off</source>
        <translation>전진 모드 끄기(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Back to the Loss</source>
        <translation>손실로 돌아가기(&amp;B)</translation>
    </message>
</context>
<context>
    <name>ModesPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/forward_panel.py" line="+27"/>
        <source>Modes</source>
        <translation>두 가지 모드</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward mode finds how everything moves when one Input moves: one pass per Input. Reverse mode (backprop) finds the gradient of one Output with respect to every Input at once: one pass per Output. With many Inputs and one loss, backprop is what makes training affordable.</source>
        <translation>전진 모드는 입력 하나가 움직일 때 모든 것이 어떻게 움직이는지를 구합니다: 입력마다 패스 한 번이 필요합니다. 후진 모드(역전파)는 출력 하나의 기울기를 모든 입력에 대해 한꺼번에 구합니다: 출력마다 패스 한 번이면 됩니다. 입력은 많고 손실은 하나이므로, 학습을 감당할 만한 비용으로 만드는 것이 바로 역전파입니다.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measure on this graph</source>
        <translation>이 그래프에서 재어 보기</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Forward mode: no Input, nothing to move.</source>
        <translation>전진 모드: 입력 노드가 없어 움직일 것이 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward mode: {inputs} Input(s) holding {n} number(s), one pass per number: {n} pass(es) of {one} ms, {total} ms in all.</source>
        <translation>전진 모드: 입력 노드 {inputs}개에 숫자 {n}개, 숫자마다 패스 한 번: 패스 {n}번 × {one} ms, 모두 {total} ms.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reverse mode: no Output, no backward pass.</source>
        <translation>후진 모드: 출력 노드가 없어 역전파가 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverse mode: {outputs} Output(s), one pass per Output; the loss, their sum, takes one pass of {one} ms for every gradient at once.</source>
        <translation>후진 모드: 출력 노드 {outputs}개, 출력마다 패스 한 번. 그 합인 손실은 패스 한 번 {one} ms로 모든 기울기를 한꺼번에 구합니다.</translation>
    </message>
</context>
<context>
    <name>NodeItem</name>
    <message>
        <location filename="../../nodeeditor/gui/node_item.py" line="+87"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location line="+309"/>
        <source>{value}
Drag or scroll to change, double-click to type</source>
        <translation>{value}
드래그하거나 스크롤해서 바꾸고, 더블클릭해서 직접 입력하세요</translation>
    </message>
</context>
<context>
    <name>NodeSearchPopup</name>
    <message>
        <location filename="../../nodeeditor/gui/search_popup.py" line="+32"/>
        <source>Add a node: type its name</source>
        <translation>노드 추가: 이름을 입력하세요</translation>
    </message>
</context>
<context>
    <name>PaletteWidget</name>
    <message>
        <location filename="../../nodeeditor/gui/palette.py" line="+119"/>
        <source>Filter nodes…</source>
        <translation>노드 찾기…</translation>
    </message>
</context>
<context>
    <name>ParamEditor</name>
    <message>
        <location filename="../../nodeeditor/gui/view.py" line="+198"/>
        <source>Not a valid value: {reason}. The old value stays.</source>
        <translation>올바른 값이 아닙니다: {reason}. 이전 값을 그대로 둡니다.</translation>
    </message>
</context>
<context>
    <name>PathsPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/paths_panel.py" line="+141"/>
        <source>No path of wires leads from {node} to {t}.</source>
        <translation>{node}에서 {t}(으)로 가는 연결선 경로가 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paths from {node} to {t}: {n}, the largest contributions first</source>
        <translation>{node}에서 {t}(으)로 가는 경로: {n}개, 기여가 큰 것부터</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>and {n} more</source>
        <translation>외 {n}개 더</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The one path&apos;s product is the gradient: {gradient} = {d}</source>
        <translation>경로가 하나뿐이므로 그 곱이 곧 기울기입니다: {gradient} = {d}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The products add up to the gradient: {terms} = {gradient} = {d}</source>
        <translation>경로별 곱을 모두 더하면 기울기가 됩니다: {terms} = {gradient} = {d}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All {n} products add up to the gradient: {d} = {gradient}</source>
        <translation>경로 {n}개의 곱을 모두 더하면 기울기가 됩니다: {d} = {gradient}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../nodeeditor/gui/i18n.py" line="+24"/>
        <source>&amp;Look in:</source>
        <translation>다음에서 찾기(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>파일 형식(&amp;T):</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../nodeeditor/gui/help_pages.py" line="+27"/>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/step_panel.py" line="+135"/>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing speed</source>
        <translation>재생 속도</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>step {n} of {total}</source>
        <translation>{n} / {total}단계</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Live view: every wire shows its numbers.</source>
        <translation>실시간 보기: 모든 연결선에 값과 기울기가 표시됩니다.</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keys: {keys}</source>
        <translation>단축키: {keys}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous step</source>
        <translation>이전 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The next step</source>
        <translation>다음 단계로 갑니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One step back</source>
        <translation>한 단계 뒤로 돌아갑니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the live view, every wire with its numbers</source>
        <translation>실시간 보기로 돌아갑니다. 모든 연결선에 값이 표시됩니다.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Forward mode ▶ {node}</source>
        <translation>전진 모드 ▶ {node}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backward pass ◀ {node}</source>
        <translation>역전파 ◀ {node}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Forward pass complete: Next walks forward mode, the blue labels.</source>
        <translation>순전파 완료: &apos;다음&apos;을 누르면 전진 모드(파란 라벨)를 따라갑니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward mode complete: Next starts the backward pass.</source>
        <translation>전진 모드 완료: &apos;다음&apos;을 누르면 역전파가 시작됩니다.</translation>
    </message>
    <message>
        <location line="-38"/>
        <location line="+7"/>
        <source>Press Next to watch the values flow forward, one node at a time.</source>
        <translation>&apos;다음&apos;을 누르면 값이 노드 하나씩 앞으로 흘러가는 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forward pass ▶ {node}</source>
        <translation>순전파 ▶ {node}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Backward pass complete: every gradient is known.</source>
        <translation>역전파 완료: 모든 기울기를 구했습니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward mode complete. With no Output node there is no backward pass.</source>
        <translation>전진 모드 완료. 출력 노드가 없으므로 역전파는 없습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward pass complete. With no Output node there is no backward pass.</source>
        <translation>순전파 완료. 출력 노드가 없으므로 역전파는 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward pass complete: Next starts the backward pass.</source>
        <translation>순전파 완료: &apos;다음&apos;을 누르면 역전파가 시작됩니다.</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../nodeeditor/gui/large_graph.py" line="+21"/>
        <source>{name} (read-only) — Backprop Studio</source>
        <translation>{name} (읽기 전용) — Backprop Studio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}: {nodes} nodes and {wires} wires</source>
        <translation>{name}: 노드 {nodes}개, 선 {wires}개</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too large to draw, so read-only. The loss L is {loss}. The command “nodeeditor eval FILE” prints every number too.</source>
        <translation>너무 커서 그릴 수 없으므로 읽기 전용으로 보여 줍니다. 손실 L은 {loss}입니다. “nodeeditor eval FILE” 명령으로도 모든 숫자를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Node</source>
        <translation>노드</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>종류</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gradient</source>
        <translation>기울기</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>… and {count} more</source>
        <translation>… 외 {count}개</translation>
    </message>
</context>
<context>
    <name>TargetBanner</name>
    <message>
        <location filename="../../nodeeditor/gui/target_banner.py" line="-63"/>
        <source>Back to the loss</source>
        <translation>손실로 돌아가기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differentiate the loss again: every red label is ∂L/∂(wire)</source>
        <translation>다시 손실을 미분합니다: 모든 빨간 라벨이 ∂L/∂(연결선)이 됩니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>seeded with ones of its shape ({shape})</source>
        <translation>시드는 그 형상({shape})의 1로 채운 배열</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seeded with 1</source>
        <translation>시드는 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Differentiating {name}: every red label is ∂{t}/∂(wire), {seed}.</source>
        <translation>{name}을(를) 미분하는 중: 모든 빨간 라벨이 ∂{t}/∂(연결선)입니다. {seed}.</translation>
    </message>
</context>
<context>
    <name>TargetSelector</name>
    <message>
        <location filename="../../nodeeditor/gui/chain_rule_ui.py" line="+151"/>
        <source>Gradients of:</source>
        <translation>기울기 대상:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The node the red labels are the gradients of (its derivative with respect to each wire)</source>
        <translation>빨간 라벨이 어떤 노드의 기울기인지 고릅니다 (각 연결선에 대한 그 노드의 미분)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the loss (L)</source>
        <translation>손실 (L)</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <location filename="../../nodeeditor/gui/training_panel.py" line="+88"/>
        <source>Tick the Inputs that training may change (the parameters).</source>
        <translation>학습으로 바꿀 입력 노드(매개변수)에 체크하세요.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>한 단계</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run N steps</source>
        <translation>N단계 실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear plot</source>
        <translation>곡선 지우기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Make trainable</source>
        <translation>학습 가능하게 하기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Make fixed</source>
        <translation>값 고정하기</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tick at least one Input to train.</source>
        <translation>학습하려면 입력 노드를 하나 이상 체크하세요.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No Output node: there is no loss to lower.</source>
        <translation>출력 노드가 없어서 줄일 손실이 없습니다.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Training step</source>
        <translation>학습 한 단계</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Train {n} steps</source>
        <translation>{n}단계 학습</translation>
    </message>
</context>
<context>
    <name>captions</name>
    <message>
        <location filename="../../nodeeditor/model/captions.py" line="+76"/>
        <source>z = value</source>
        <translation>z = 값</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>∂L/∂value = sum of the gradients on its wires</source>
        <translation>∂L/∂값 = 이어진 연결선들의 기울기의 합</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>∂L/∂x = seed (1 by default)</source>
        <translation>∂L/∂x = 시드 (기본값 1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>∂z/∂x = 1 if x &gt; 0, else 0</source>
        <translation>∂z/∂x = x &gt; 0이면 1, 아니면 0</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <location filename="../../nodeeditor/gui/commands.py" line="+67"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Connect</source>
        <translation>연결</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Change value</source>
        <translation>값 바꾸기</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Move</source>
        <translation>이동</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rename</source>
        <translation>이름 바꾸기</translation>
    </message>
</context>
<context>
    <name>diagnosis</name>
    <message>
        <location filename="../../nodeeditor/model/diagnosis.py" line="+13"/>
        <source>{node} sits exactly at its kink (input {x}): ReLU has no slope there. Central differences average the slopes on both sides (0 and 1) and report 0.5; backprop uses the slope 0. Neither is wrong: the derivative does not exist at that point.</source>
        <translation>{node}의 입력이 정확히 꺾이는 점(입력 {x})에 있습니다: ReLU는 그 점에서 기울기가 없습니다. 중앙 차분은 양쪽 기울기(0과 1)의 평균인 0.5를 내놓고, 역전파는 기울기 0을 씁니다. 어느 쪽도 틀리지 않았습니다: 그 점에서는 미분이 존재하지 않습니다.</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <location filename="../../nodeeditor/model/engine.py" line="+242"/>
        <source>input {port} is not connected</source>
        <translation>입력 {port}에 연결된 선이 없습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>input {port} is undefined</source>
        <translation>입력 {port}의 값이 정해지지 않았습니다</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>the seed gradient&apos;s shape {seed} does not fit the output&apos;s {out}</source>
        <translation>시드 기울기의 형상 {seed}이(가) 출력의 형상 {out}에 맞지 않습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>shapes {a} and {b} cannot be combined elementwise</source>
        <translation>형상이 {a}인 값과 {b}인 값은 원소별로 계산할 수 없습니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>MatMul needs vectors or matrices, not numbers</source>
        <translation>행렬 곱에는 숫자가 아니라 벡터나 행렬이 필요합니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MatMul: shapes {a} and {b} do not fit ({m} ≠ {n})</source>
        <translation>행렬 곱: 형상이 {a}인 값과 {b}인 값은 곱할 수 없습니다 ({m} ≠ {n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../nodeeditor/model/forward_mode.py" line="+125"/>
        <source>(a number)</source>
        <translation>(숫자 하나)</translation>
    </message>
    <message>
        <location line="-389"/>
        <source>the results of this graph would have more than {limit} elements in all</source>
        <translation>이 그래프의 결과를 모두 합하면 원소가 {limit}개를 넘습니다</translation>
    </message>
    <message>
        <location line="+328"/>
        <source>the result would have {n} elements; at most {limit}</source>
        <translation>결과의 원소가 {n}개가 됩니다. 최대 {limit}개까지입니다</translation>
    </message>
    <message>
        <location line="+488"/>
        <source>the gradients on its wires add up to a number too large (overflow)</source>
        <translation>연결선들의 기울기를 더한 값이 너무 큽니다 (오버플로)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="+121"/>
        <source>the file is {size} bytes; at most {limit} are read</source>
        <translation>파일 크기가 {size}바이트입니다. 최대 {limit}바이트까지만 읽습니다</translation>
    </message>
    <message>
        <location line="-22"/>
        <location line="+6"/>
        <location line="+31"/>
        <source>cannot read the file: {why}</source>
        <translation>파일을 읽을 수 없습니다: {why}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>not UTF-8 text (byte 0x{byte:02x} at offset {offset})</source>
        <translation>UTF-8 텍스트가 아닙니다 (위치 {offset}의 바이트 0x{byte:02x})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the text is longer than {limit} characters</source>
        <translation>텍스트가 {limit}자보다 깁니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the JSON ends too early (is the file cut off?) at line {line}</source>
        <translation>JSON이 {line}번째 줄에서 너무 일찍 끝납니다 (파일이 잘렸나요?)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>invalid JSON at line {line} column {column}: {reason}</source>
        <translation>{line}번째 줄 {column}번째 칸의 JSON이 올바르지 않습니다: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the JSON is nested too deeply</source>
        <translation>JSON이 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>invalid JSON: a number has too many digits</source>
        <translation>올바르지 않은 JSON: 숫자의 자릿수가 너무 많습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected a JSON object at the top, got {got}</source>
        <translation>맨 위에 JSON 객체가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} nodes; at most {limit} are allowed</source>
        <translation>노드가 {count}개입니다. 최대 {limit}개까지만 허용됩니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{count} edges; at most {limit} are allowed</source>
        <translation>연결선이 {count}개입니다. 최대 {limit}개까지만 허용됩니다</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>duplicate id &quot;{id}&quot; (first used at nodes[{first}])</source>
        <translation>중복된 id &quot;{id}&quot; (처음 쓰인 곳: nodes[{first}])</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <location line="+269"/>
        <location line="+14"/>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>expected &quot;{expected}&quot;, got {got}: this is not a graph file</source>
        <translation>&quot;{expected}&quot; 값이 있어야 합니다 (실제 값: {got}): 그래프 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+272"/>
        <source>expected a whole number, got {got}</source>
        <translation>정수가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>the file was made by a newer version of the app (format version {version}; this app reads up to version {supported}); please update Backprop Studio</source>
        <translation>이 파일은 더 새로운 버전의 앱에서 만들어졌습니다 (파일 형식 버전 {version}, 이 앱은 버전 {supported}까지 읽습니다). Backprop Studio를 업데이트하세요</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown format version {version}</source>
        <translation>알 수 없는 파일 형식 버전 {version}</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+49"/>
        <location line="+199"/>
        <source>expected an object, got {got}</source>
        <translation>객체가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../nodeeditor/model/graph.py" line="+213"/>
        <source>unknown node type &quot;{type}&quot;</source>
        <translation>알 수 없는 노드 종류 &quot;{type}&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+235"/>
        <source>expected text, got {got}</source>
        <translation>텍스트가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>only Input nodes have a value, not {type}</source>
        <translation>값(value)은 입력 노드에만 있습니다. {type} 노드에는 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only Pow nodes have an exponent, not {type}</source>
        <translation>지수(exponent)는 거듭제곱 노드에만 있습니다. {type} 노드에는 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only Output nodes have a grad, not {type}</source>
        <translation>기울기(grad)는 출력 노드에만 있습니다. {type} 노드에는 없습니다</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>only an Input can be trainable: true or false</source>
        <translation>입력 노드만 학습 가능(trainable)할 수 있고, 값은 true 또는 false여야 합니다</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>no node has the id &quot;{id}&quot;</source>
        <translation>id가 &quot;{id}&quot;인 노드가 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{id}&quot; is an Output node: it has no output</source>
        <translation>&quot;{id}&quot;에서는 선을 시작할 수 없습니다: 출력 노드에는 출력이 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{type} node &quot;{id}&quot; has no input ports, not {port}</source>
        <translation>{type} 노드 &quot;{id}&quot;에는 입력 포트가 없습니다 (요청한 포트: {port})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} node &quot;{id}&quot; has only input port 0, not {port}</source>
        <translation>{type} 노드 &quot;{id}&quot;에는 입력 포트 0만 있습니다 (요청한 포트: {port})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{type} node &quot;{id}&quot; has input ports 0 to {last}, not {port}</source>
        <translation>{type} 노드 &quot;{id}&quot;의 입력 포트는 0부터 {last}까지입니다 (요청한 포트: {port})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>port {port} of &quot;{id}&quot; already has a wire (edges[{first}]); an input takes one wire</source>
        <translation>&quot;{id}&quot;의 포트 {port}에는 이미 연결선이 있습니다 (edges[{first}]). 입력 하나에는 선 하나만 연결할 수 있습니다</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the wires make a cycle: {path}</source>
        <translation>연결선이 순환을 만듭니다: {path}</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>expected an array, got {got}</source>
        <translation>배열이 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="+27"/>
        <location filename="../../nodeeditor/model/values.py" line="+44"/>
        <source>must be finite numbers (no NaN or infinity)</source>
        <translation>유한한 숫자여야 합니다 (NaN이나 무한대는 안 됩니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../nodeeditor/model/values.py" line="-13"/>
        <source>is too large to be a finite number</source>
        <translation>너무 커서 유한한 숫자로 나타낼 수 없습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>NaN and infinity are not valid JSON numbers</source>
        <translation>NaN과 무한대는 올바른 JSON 숫자가 아닙니다</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>expected a number, got {got}</source>
        <translation>숫자가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a finite number</source>
        <translation>유한한 숫자여야 합니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected [x, y], got {got}</source>
        <translation>[x, y]가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="+20"/>
        <location filename="../../nodeeditor/model/values.py" line="+25"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>true/false</source>
        <translation>true/false 값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the number {value}</source>
        <translation>숫자 {value}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the text &quot;{text}&quot;</source>
        <translation>텍스트 &quot;{text}&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>배열</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../nodeeditor/model/values.py" line="+0"/>
        <source>an object</source>
        <translation>객체</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/engine.py" line="-555"/>
        <location filename="../../nodeeditor/model/graph.py" line="-60"/>
        <location filename="../../nodeeditor/model/paths.py" line="+76"/>
        <source>there is no node &quot;{node}&quot;</source>
        <translation>&quot;{node}&quot; 노드가 없습니다</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>cannot differentiate &quot;{node}&quot;: there is no such node</source>
        <translation>&quot;{node}&quot;을(를) 미분할 수 없습니다: 그런 노드가 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/graph.py" line="+64"/>
        <source>a node id must be a non-empty string</source>
        <translation>노드 id는 비어 있지 않은 문자열이어야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>there is already a node with id &quot;{node}&quot;</source>
        <translation>id가 &quot;{node}&quot;인 노드가 이미 있습니다</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{node} is an Output node: it has no output to wire from</source>
        <translation>{node}: 출력 노드에는 선을 이어 나갈 출력이 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/engine.py" line="-33"/>
        <location filename="../../nodeeditor/model/graph.py" line="+4"/>
        <source>{node} ({type}) has no input port {port}</source>
        <translation>{node} ({type}) 노드에는 입력 포트 {port}번이 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/graph.py" line="+6"/>
        <source>a node cannot be wired into itself ({node})</source>
        <translation>노드를 자기 자신에게 연결할 수 없습니다 ({node})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>port {port} of {node} ({type}) is already wired</source>
        <translation>{node} ({type}) 노드의 입력 {port}에는 이미 선이 연결되어 있습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>this wire would make a cycle: {path}</source>
        <translation>이 선을 연결하면 순환이 생깁니다: {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>port {port} of {node} is not wired</source>
        <translation>{node} 노드의 포트 {port}에는 연결된 선이 없습니다</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>a position must be two numbers (x, y), not {pos}</source>
        <translation>위치는 숫자 두 개 (x, y)여야 합니다 (실제 값: {pos})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a position must be finite numbers, not {pos}</source>
        <translation>위치는 유한한 숫자여야 합니다 (실제 값: {pos})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{key} is not an optional key: it has its own meaning</source>
        <translation>{key}: 정해진 의미가 있는 키라서 선택 키로 쓸 수 없습니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seed gradient</source>
        <translation>시드 기울기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exponent</source>
        <translation>지수</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{type} nodes have no parameter {key}</source>
        <translation>{type} 노드에는 {key} 설정값이 없습니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what}: must be a single number</source>
        <translation>{what}: 숫자 하나여야 합니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/values.py" line="-23"/>
        <source>must be numbers</source>
        <translation>숫자여야 합니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>must be a number, a vector or a matrix (nested at most 2 deep)</source>
        <translation>숫자, 벡터 또는 행렬이어야 합니다 (중첩은 2단계까지)</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>has {n} elements; at most {limit} are allowed</source>
        <translation>원소가 {n}개입니다. 최대 {limit}개까지만 허용됩니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>is an empty list</source>
        <translation>빈 리스트입니다</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>must be a number, not true/false</source>
        <translation>true/false가 아니라 숫자여야 합니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a number or a list of numbers, not {kind}</source>
        <translation>숫자나 숫자의 리스트여야 합니다 (실제 값: {kind})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is a ragged list: its rows must all have the same length</source>
        <translation>행마다 길이가 다른 리스트입니다: 모든 행의 길이가 같아야 합니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is empty: type a number like 2 or a list like [1, 2, 3]</source>
        <translation>비어 있습니다: 2 같은 숫자나 [1, 2, 3] 같은 리스트를 입력하세요</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;{text}&quot; is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]</source>
        <translation>&quot;{text}&quot;: 숫자도 아니고 [1, 2, 3]이나 [[1, 2], [3, 4]] 같은 리스트도 아닙니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} is not allowed: values must be finite numbers</source>
        <translation>{name} 값은 쓸 수 없습니다: 값은 유한한 숫자여야 합니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/engine.py" line="+6"/>
        <source>there is no wire from &quot;{src}&quot; into port {port} of &quot;{dst}&quot;</source>
        <translation>&quot;{src}&quot;에서 &quot;{dst}&quot;의 포트 {port}번으로 가는 연결선이 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="-506"/>
        <source>it is {kind}, not a regular file</source>
        <translation>일반 파일이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+638"/>
        <source>the name holds a NUL character</source>
        <translation>이름에 NUL 문자가 들어 있습니다</translation>
    </message>
    <message>
        <location line="-617"/>
        <source>the file is larger than {limit} bytes</source>
        <translation>파일이 {limit}바이트보다 큽니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a named pipe (FIFO)</source>
        <translation>이름 있는 파이프(FIFO)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a device</source>
        <translation>장치</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a socket</source>
        <translation>소켓</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a special file</source>
        <translation>특수 파일</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>appears twice in one object; give each key once</source>
        <translation>한 객체 안에 두 번 나옵니다. 키는 한 번씩만 써야 합니다</translation>
    </message>
    <message>
        <location line="+420"/>
        <source>contains {char}, half of a UTF-16 surrogate pair: this is not text</source>
        <translation>{char}이(가) 들어 있습니다. UTF-16 서로게이트 쌍의 한쪽뿐이라 글자가 아닙니다</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{value} is off the canvas: x and y must lie between -{limit} and {limit}</source>
        <translation>{value}은(는) 캔버스 밖입니다. x와 y는 -{limit}에서 {limit} 사이여야 합니다</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>cannot save: no file name was given</source>
        <translation>저장할 수 없습니다: 파일 이름이 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a text in the graph holds {char}, half of a UTF-16 surrogate pair</source>
        <translation>그래프의 텍스트에 UTF-16 서로게이트 쌍의 한쪽인 {char}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>cannot save {path}: {why}</source>
        <translation>{path}에 저장할 수 없습니다: {why}</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>the graph holds something JSON cannot say: {what}</source>
        <translation>그래프에 JSON으로 나타낼 수 없는 것이 있습니다: {what}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the disk is full</source>
        <translation>디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk quota is used up</source>
        <translation>디스크 할당량을 다 썼습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>permission denied</source>
        <translation>권한이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is read-only</source>
        <translation>디스크가 읽기 전용입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a part of the path is not a folder</source>
        <translation>경로의 일부가 폴더가 아닙니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file name is too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/forward_mode.py" line="-92"/>
        <source>element {index} is not in a value of shape {shape}</source>
        <translation>원소 {index}은(는) 형상이 {shape}인 값에 없습니다</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>forward mode needs an Input: &quot;{node}&quot; is not one</source>
        <translation>전진 모드는 입력 노드에서 시작합니다: &quot;{node}&quot;은(는) 입력 노드가 아닙니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;{node}&quot; has shape {shape}: choose one element, or type a direction</source>
        <translation>&quot;{node}&quot;의 형상은 {shape}입니다: 원소 하나를 고르거나 방향을 입력하세요</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the direction for &quot;{node}&quot; must be finite numbers of its shape {shape}</source>
        <translation>&quot;{node}&quot;의 방향은 형상이 {shape}이고 유한한 숫자여야 합니다</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../nodeeditor/gui/export.py" line="+144"/>
        <source>cannot write the picture {path}: {reason}</source>
        <translation>그림 파일을 쓸 수 없습니다: {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <location filename="../../nodeeditor/model/ops.py" line="+80"/>
        <source>the result is too large (overflow)</source>
        <translation>결과가 너무 큽니다 (오버플로)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A value you type in; collects dL/d(value).</source>
        <translation>직접 입력하는 값입니다. 역전파에서 dL/d(값)을 모읍니다.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A loss term: backward starts here with its seed.</source>
        <translation>손실 항입니다. 역전파는 여기에서 시드 값으로 시작합니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add</source>
        <translation>덧셈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Adds its inputs; passes the gradient through.</source>
        <translation>입력을 더합니다. 역전파에서는 기울기를 그대로 흘려보냅니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Sub</source>
        <translation>뺄셈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subtracts y from x.</source>
        <translation>x에서 y를 뺍니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Mul</source>
        <translation>곱셈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multiplies; each input gets the other input.</source>
        <translation>입력을 곱합니다. 역전파에서 각 입력은 상류의 기울기에 다른 쪽 입력을 곱한 값을 받습니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Div</source>
        <translation>나눗셈</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Divides x by y.</source>
        <translation>x를 y로 나눕니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>division by zero</source>
        <translation>0으로 나누었습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Neg</source>
        <translation>부호 반전</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flips the sign.</source>
        <translation>부호를 바꿉니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Square</source>
        <translation>제곱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Squares its input.</source>
        <translation>입력을 제곱합니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Pow</source>
        <translation>거듭제곱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raises x to a fixed power n.</source>
        <translation>x를 정해진 지수 n만큼 거듭제곱합니다.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>zero raised to a negative power</source>
        <translation>0을 음수 지수로 거듭제곱했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <source>a negative number raised to a fractional power</source>
        <translation>음수를 정수가 아닌 지수로 거듭제곱했습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exp</source>
        <translation>지수</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e to the power x; its derivative is itself.</source>
        <translation>e의 x제곱입니다. 미분해도 자기 자신입니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>exp overflowed (x is too large)</source>
        <translation>exp가 오버플로했습니다 (x가 너무 큽니다)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log</source>
        <translation>로그</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The natural logarithm.</source>
        <translation>자연로그입니다.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>log of a negative number</source>
        <translation>음수의 로그입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log of zero</source>
        <translation>0의 로그입니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Squashes x into (0, 1).</source>
        <translation>x를 (0, 1) 사이의 값으로 바꿉니다.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Squashes x into (−1, 1).</source>
        <translation>x를 (−1, 1) 사이의 값으로 바꿉니다.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keeps positive x, turns the rest into 0.</source>
        <translation>양수인 x는 그대로 두고, 나머지는 0으로 바꿉니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sin</source>
        <translation>사인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sine of x (radians).</source>
        <translation>x(라디안)의 사인입니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cos</source>
        <translation>코사인</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The cosine of x (radians).</source>
        <translation>x(라디안)의 코사인입니다.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sum</source>
        <translation>합</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adds up all elements into one number.</source>
        <translation>모든 원소를 더해 숫자 하나로 만듭니다.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>MatMul</source>
        <translation>행렬 곱</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Matrix product, as in an Affine layer.</source>
        <translation>행렬의 곱입니다. Affine 계층에서 쓰는 계산입니다.</translation>
    </message>
    <message>
        <location line="-467"/>
        <source>the gradient is too large (overflow)</source>
        <translation>기울기가 너무 큽니다 (오버플로)</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>the slope of x/y at y = 0 is infinite</source>
        <translation>y = 0에서 x/y의 기울기는 무한대입니다</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>the slope of x^{exponent} at 0 is infinite</source>
        <translation>0에서 x^{exponent}의 기울기는 무한대입니다</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>the slope of ln x at 0 is infinite</source>
        <translation>0에서 ln x의 기울기는 무한대입니다</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <location filename="../../nodeeditor/model/steps.py" line="+136"/>
        <source>(wire {k} of {n})</source>
        <translation>(연결선 {n}개 중 {k}번째)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>{d} = {seed}: backward starts here (the target)</source>
        <translation>{d} = {seed}: 역전파가 여기(목표 노드)에서 시작합니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No path leads from {node} to the target {target}: {d} = 0, and every wire into it carries 0.</source>
        <translation>{node}에서 목표 노드 {target}(으)로 가는 경로가 없습니다: {d} = 0이고, 이 노드로 들어오는 모든 연결선에 0이 흐릅니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No path leads from {node} to L: ∂L/∂{symbol} = 0, and every wire into it carries 0.</source>
        <translation>{node}에서 L로 가는 경로가 없습니다: ∂L/∂{symbol} = 0이고, 이 노드로 들어오는 모든 연결선에 0이 흐릅니다.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{d} = {direction}: the direction</source>
        <translation>{d} = {direction}: 방향</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{d} = 0: {node} does not depend on {input}</source>
        <translation>{d} = 0: {node}은(는) {input}에 의존하지 않습니다</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>L is {loss} ({reason}). The gradients still multiply the local slopes, but L has no slope to follow here.</source>
        <translation>L이 {loss}입니다({reason}). 기울기는 여전히 국소 미분을 곱해 구하지만, 여기서는 L이 따라 내려갈 경사가 없습니다.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the slope here is infinite or undefined</source>
        <translation>이 지점의 기울기가 무한대이거나 정의되지 않습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the value is too large (overflow)</source>
        <translation>값이 너무 큽니다 (오버플로)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>it comes from {node}: {reason}</source>
        <translation>{node}에서 비롯되었습니다: {reason}</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>and {count} more</source>
        <translation>그 밖에 {count}개 더</translation>
    </message>
</context>
</TS>
