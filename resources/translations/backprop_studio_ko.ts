<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>AnswerEditor</name>
    <message>
        <location filename="../../nodeeditor/gui/exercise_answer.py" line="+126"/>
        <source>Type your prediction of {name}: a number, or [1, 2] for a vector</source>
        <translation>{name}의 예측값을 입력하세요: 숫자, 또는 벡터라면 [1, 2]처럼</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{name} = ?</source>
        <translation>{name} = ?</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hint: the local computation, as the step-through writes it:</source>
        <translation>힌트: 단계별 실행이 쓰는 그대로의 국소적 계산:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not a number: {reason}</source>
        <translation>숫자가 아닙니다: {reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answer</source>
        <translation>답 입력</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>✓ Right: {name} = {value} ({right} of {total} done)</source>
        <translation>✓ 정답: {name} = {value} ({total}개 중 {right}개 완료)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✗ {answer} is not {name}. Try again (try {n}).</source>
        <translation>✗ {answer}은(는) {name}이(가) 아닙니다. 다시 해 보세요({n}번째 시도).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>This number is a single number: type it like 6 or -0.5.</source>
        <translation>이 값은 숫자 하나입니다: 6 또는 -0.5처럼 입력하세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This number is a vector of {n}: type it like [1, 2, 3].</source>
        <translation>이 값은 원소 {n}개의 벡터입니다: [1, 2, 3]처럼 입력하세요.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This number is a {rows}×{cols} matrix: type it like [[1, 2], [3, 4]].</source>
        <translation>이 값은 {rows}×{cols} 행렬입니다: [[1, 2], [3, 4]]처럼 입력하세요.</translation>
    </message>
</context>
<context>
    <name>ChainRuleUi</name>
    <message>
        <location filename="../../nodeeditor/gui/chain_rule_ui.py" line="+31"/>
        <source>Paths, other targets and forward mode are off while the exercise has numbers to predict: their numbers add up to the answers.</source>
        <translation>연습 문제에 예측할 숫자가 남아 있는 동안에는 경로, 다른 미분 대상, 전진 모드를 쓸 수 없습니다: 그 숫자들을 더하면 정답이 되기 때문입니다.</translation>
    </message>
</context>
<context>
    <name>CodeDock</name>
    <message>
        <location filename="../../nodeeditor/gui/code_dock.py" line="+47"/>
        <source>File ▸ Export as Python… saves it.</source>
        <translation>파일 ▸ Python으로 내보내기…로 저장할 수 있습니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The code is not shown while the exercise has numbers to predict: running it would print the answers. It comes back once they are all answered right or shown.</source>
        <translation>연습 문제에 예측할 숫자가 남아 있는 동안에는 코드를 보여 주지 않습니다: 코드를 실행하면 정답이 출력되기 때문입니다. 모두 맞게 답하거나 정답을 보면 다시 나타납니다.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The graph as the textbook&apos;s layer code. Click a line to select its node.</source>
        <translation>그래프를 교과서의 계층 코드로 썼습니다. 줄을 클릭하면 그 노드가 선택됩니다.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run it with Python and numpy.</source>
        <translation>Python과 numpy만 있으면 실행됩니다.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>This graph has {n} nodes: too many to show its code live.</source>
        <translation>이 그래프는 노드가 {n}개라서 코드를 실시간으로 보여 주기에는 너무 많습니다.</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Export as Python</source>
        <translation>Python으로 내보내기</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python code (*.py)</source>
        <translation>Python 코드 (*.py)</translation>
    </message>
</context>
<context>
    <name>CoursePanel</name>
    <message>
        <location filename="../../nodeeditor/gui/course_panel.py" line="+73"/>
        <source>Click a lesson or a page to open it.</source>
        <translation>수업이나 페이지를 클릭하면 열립니다.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{n}. {title} ({done}/{total})</source>
        <translation>{n}. {title} ({done}/{total})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>done</source>
        <translation>완료</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>current</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>to do</source>
        <translation>할 일</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../nodeeditor/gui/document.py" line="+28"/>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>graph</source>
        <translation>그래프</translation>
    </message>
</context>
<context>
    <name>EdgeItem</name>
    <message>
        <location filename="../../nodeeditor/gui/edge_item.py" line="+373"/>
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
    <name>Exercise</name>
    <message>
        <location filename="../../nodeeditor/gui/exercise_menu.py" line="+26"/>
        <source>Hide &amp;Value</source>
        <translation>값 숨기기(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide &amp;Gradient</source>
        <translation>기울기 숨기기(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show This &amp;Number Again</source>
        <translation>이 숫자 다시 보이기(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide &amp;All Gradients</source>
        <translation>모든 기울기 숨기기(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tolerance…</source>
        <translation>허용 오차(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hint</source>
        <translation>힌트(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;Answers…</source>
        <translation>정답 보기(&amp;A)…</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+182"/>
        <source>Hide Value</source>
        <translation>값 숨기기</translation>
    </message>
    <message>
        <location line="-182"/>
        <location line="+183"/>
        <source>Hide Gradient</source>
        <translation>기울기 숨기기</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Show Number Again</source>
        <translation>숫자 다시 보이기</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Tolerance</source>
        <translation>허용 오차</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An answer is right when it is within this fraction of the true number (0.001 is 0.1%):</source>
        <translation>답이 참값과 이 비율 이내로 가까우면 정답입니다(0.001은 0.1%):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Set Tolerance</source>
        <translation>허용 오차 설정</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show the answers?</source>
        <translation>정답을 볼까요?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every hidden number will be shown, and the file will record that you saw the answers. This cannot be undone.</source>
        <translation>숨겨진 숫자가 모두 보이고, 정답을 보았다는 사실이 파일에 기록됩니다. 되돌릴 수 없습니다.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show Answers</source>
        <translation>정답 보기</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{right} of {total} predicted right</source>
        <translation>{total}개 중 {right}개를 맞게 예측했습니다</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Hint</source>
        <translation>힌트</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a wire or node with a hidden number (?) first.</source>
        <translation>먼저 숨겨진 숫자(?)가 있는 선이나 노드를 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/exercise_view.py" line="+84"/>
        <source>{node} holds a hidden number: it can be copied once the exercise is answered.</source>
        <translation>{node}에는 숨겨진 숫자가 있습니다: 연습 문제를 다 풀면 복사할 수 있습니다.</translation>
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
        <location filename="../../nodeeditor/gui/gradcheck_panel.py" line="+99"/>
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
        <location line="+32"/>
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
    <message>
        <location line="-49"/>
        <source>hidden until the exercise is answered</source>
        <translation>연습 문제를 풀 때까지 숨겨져 있습니다</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>hidden (exercise)</source>
        <translation>숨김 (연습 문제)</translation>
    </message>
</context>
<context>
    <name>GradeDialog</name>
    <message>
        <location filename="../../nodeeditor/gui/grade_dialog.py" line="+41"/>
        <source>Graph files (*.bpgraph *.json);;All files (*)</source>
        <translation>그래프 파일 (*.bpgraph *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>이유</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pass</source>
        <translation>통과</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAIL</source>
        <translation>실패</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Grade a Folder</source>
        <translation>폴더 채점</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference:</source>
        <translation>정답 그래프:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder of submissions:</source>
        <translation>제출물 폴더:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the graph the students&apos; graphs must compute</source>
        <translation>학생 그래프가 계산해야 하는 그래프</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every graph file in it is graded</source>
        <translation>폴더 안의 모든 그래프 파일을 채점합니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose the Reference</source>
        <translation>정답 그래프 선택</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose the Folder of Submissions</source>
        <translation>제출물 폴더 선택</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The reference cannot be used</source>
        <translation>정답 그래프를 쓸 수 없습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reference cannot be read</source>
        <translation>정답 그래프를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The folder cannot be read</source>
        <translation>폴더를 읽을 수 없습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to grade</source>
        <translation>채점할 파일이 없습니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{folder} holds no graph files (.bpgraph or .json).</source>
        <translation>{folder}에 그래프 파일(.bpgraph 또는 .json)이 없습니다.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Choose the reference and the folder, then Grade.</source>
        <translation>정답 그래프와 폴더를 고른 뒤 채점을 누르세요.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Graded {done} of {total}…</source>
        <translation>{total}개 중 {done}개 채점함…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped: {passed} of {done} graded files passed.</source>
        <translation>중지됨: 채점한 {done}개 중 {passed}개 통과.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{passed} of {done} passed.</source>
        <translation>{done}개 중 {passed}개 통과.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Grade</source>
        <translation>채점</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export CSV</source>
        <translation>CSV로 내보내기</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV for a spreadsheet (*.csv)</source>
        <translation>스프레드시트용 CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export failed</source>
        <translation>내보내지 못했습니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>GraphScene</name>
    <message>
        <location filename="../../nodeeditor/gui/scene.py" line="+337"/>
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
        <location filename="../../nodeeditor/gui/view.py" line="+344"/>
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
        <location filename="../../nodeeditor/gui/inspector.py" line="+122"/>
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
        <location line="+142"/>
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
        <location line="-162"/>
        <source>Gradient</source>
        <translation>기울기</translation>
    </message>
</context>
<context>
    <name>LargeGraph</name>
    <message>
        <location filename="../../nodeeditor/gui/large_graph.py" line="+35"/>
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
        <location filename="../../nodeeditor/gui/lesson_panel.py" line="+156"/>
        <source>No lesson</source>
        <translation>수업 없음</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a lesson from File ▸ Examples to read its explanation here.</source>
        <translation>파일 ▸ 예제에서 수업을 열면 여기에서 설명을 읽을 수 있습니다.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Page {n} of {total}</source>
        <translation>{total}쪽 중 {n}쪽</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Next lesson ▶</source>
        <translation>다음 수업 ▶</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This task cannot be checked: {problem}</source>
        <translation>이 과제는 확인할 수 없습니다: {problem}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done ✓</source>
        <translation>완료 ✓</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not done yet: the app checks it as you work.</source>
        <translation>아직 완료되지 않았습니다. 작업하는 동안 앱이 확인합니다.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your task</source>
        <translation>과제</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset this lesson</source>
        <translation>이 수업 처음부터 다시 하기</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the lesson as it was shipped and clear its progress</source>
        <translation>수업을 처음 상태로 다시 열고 진행 기록을 지웁니다</translation>
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
        <location filename="../../nodeeditor/gui/main_window.py" line="+82"/>
        <source>Graph files (*.bpgraph *.json);;All files (*)</source>
        <translation>그래프 파일 (*.bpgraph *.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Backprop Studio</source>
        <translation>Backprop Studio</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <location line="+11"/>
        <source>Step through</source>
        <translation>단계별 실행</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient check</source>
        <translation>기울기 확인</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+97"/>
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
        <location line="+7"/>
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
        <location line="+11"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+44"/>
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
        <location line="+69"/>
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
        <location filename="../../nodeeditor/gui/code_dock.py" line="+7"/>
        <location filename="../../nodeeditor/gui/main_window.py" line="+7"/>
        <source>Export failed</source>
        <translation>내보내지 못했습니다</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../nodeeditor/gui/main_window.py" line="+2"/>
        <source>Exported {path}</source>
        <translation>내보냈습니다: {path}</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/main_window.py" line="+49"/>
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
        <location line="-601"/>
        <source>Code</source>
        <translation>코드</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Export as &amp;Python…</source>
        <translation>Python으로 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Grade a Folder…</source>
        <translation>폴더 채점(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/exercise_menu.py" line="-54"/>
        <source>E&amp;xercise</source>
        <translation>연습 문제(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/main_window.py" line="+2"/>
        <source>&amp;Import Python…</source>
        <translation>Python 코드 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location line="-143"/>
        <source>Course</source>
        <translation>강좌</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>&amp;Chain Rule</source>
        <translation>연쇄 법칙(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/gui/chain_rule_ui.py" line="+19"/>
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
        <location filename="../../nodeeditor/gui/node_item.py" line="+105"/>
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
        <location line="+321"/>
        <source>{value}
Drag or scroll to change, double-click to type</source>
        <translation>{value}
드래그하거나 스크롤해서 바꾸고, 더블클릭해서 직접 입력하세요</translation>
    </message>
</context>
<context>
    <name>NodeSearchPopup</name>
    <message>
        <location filename="../../nodeeditor/gui/search_popup.py" line="+46"/>
        <source>Add a node: type its name, or a formula: z = (x + y)**2</source>
        <translation>노드 추가: 이름이나 수식(z = (x + y)**2)을 입력하세요</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Enter builds the formula here</source>
        <translation>Enter를 누르면 여기에 수식을 만듭니다</translation>
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
        <location filename="../../nodeeditor/gui/view.py" line="+208"/>
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
    <name>PythonImport</name>
    <message>
        <location filename="../../nodeeditor/gui/python_import.py" line="+36"/>
        <location line="+16"/>
        <source>Import Python</source>
        <translation>Python 코드 가져오기</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Python code (*.py);;All files (*)</source>
        <translation>Python 코드 (*.py);;모든 파일 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Imported {name}: {count} nodes (F frames them all)</source>
        <translation>{name}을(를) 가져왔습니다: 노드 {count}개 (F 키로 전체 보기)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cannot import the code</source>
        <translation>코드를 가져올 수 없습니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Formula</source>
        <translation>수식 입력</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>formula</source>
        <translation>수식</translation>
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
        <location filename="../../nodeeditor/gui/step_panel.py" line="+137"/>
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
        <location line="+119"/>
        <source>step {n} of {total}</source>
        <translation>{n} / {total}단계</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Live view: every wire shows its numbers.</source>
        <translation>실시간 보기: 모든 연결선에 값과 기울기가 표시됩니다.</translation>
    </message>
    <message>
        <location line="-117"/>
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
        <location line="+124"/>
        <source>Backward pass ◀ {node}</source>
        <translation>역전파 ◀ {node}</translation>
    </message>
    <message>
        <location line="-15"/>
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
        <location line="+3"/>
        <source>Forward pass complete. With no Output node there is no backward pass.</source>
        <translation>순전파 완료. 출력 노드가 없으므로 역전파는 없습니다.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward pass complete: Next starts the backward pass.</source>
        <translation>순전파 완료: &apos;다음&apos;을 누르면 역전파가 시작됩니다.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Forward mode ▶ {node}</source>
        <translation>전진 모드 ▶ {node}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Forward pass complete: Next walks forward mode, the blue labels.</source>
        <translation>순전파 완료: &apos;다음&apos;을 누르면 전진 모드(파란 라벨)를 따라갑니다.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward mode complete: Next starts the backward pass.</source>
        <translation>전진 모드 완료: &apos;다음&apos;을 누르면 역전파가 시작됩니다.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Forward mode complete. With no Output node there is no backward pass.</source>
        <translation>전진 모드 완료. 출력 노드가 없으므로 역전파는 없습니다.</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../nodeeditor/gui/large_graph.py" line="+35"/>
        <source>{name} (read-only) — Backprop Studio</source>
        <translation>{name} (읽기 전용) — Backprop Studio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}: {nodes} nodes and {wires} wires</source>
        <translation>{name}: 노드 {nodes}개, 선 {wires}개</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Too large to draw, so read-only. The loss L is {loss}. The command “nodeeditor eval FILE” prints every number too.</source>
        <translation>너무 커서 그릴 수 없으므로 읽기 전용으로 보여 줍니다. 손실 L은 {loss}입니다. “nodeeditor eval FILE” 명령으로도 모든 숫자를 볼 수 있습니다.</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+15"/>
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
        <location filename="../../nodeeditor/gui/chain_rule_ui.py" line="+166"/>
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
        <location line="+99"/>
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
        <location filename="../../nodeeditor/gui/commands.py" line="+68"/>
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
        <location line="+493"/>
        <source>the gradients on its wires add up to a number too large (overflow)</source>
        <translation>연결선들의 기울기를 더한 값이 너무 큽니다 (오버플로)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="+122"/>
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
        <location line="+32"/>
        <source>duplicate id &quot;{id}&quot; (first used at nodes[{first}])</source>
        <translation>중복된 id &quot;{id}&quot; (처음 쓰인 곳: nodes[{first}])</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/exercise_file.py" line="+119"/>
        <location filename="../../nodeeditor/model/fileformat.py" line="+13"/>
        <location line="+9"/>
        <location line="+269"/>
        <location line="+14"/>
        <source>missing</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="-290"/>
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
        <location filename="../../nodeeditor/model/exercise_file.py" line="-89"/>
        <location line="+39"/>
        <location line="+20"/>
        <location filename="../../nodeeditor/model/fileformat.py" line="+13"/>
        <location line="+49"/>
        <location line="+199"/>
        <source>expected an object, got {got}</source>
        <translation>객체가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="-245"/>
        <source>must not be empty</source>
        <translation>비어 있으면 안 됩니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../nodeeditor/model/graph.py" line="+217"/>
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
        <location filename="../../nodeeditor/model/exercise_file.py" line="+14"/>
        <location filename="../../nodeeditor/model/fileformat.py" line="+29"/>
        <source>no node has the id &quot;{id}&quot;</source>
        <translation>id가 &quot;{id}&quot;인 노드가 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="+3"/>
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
        <location filename="../../nodeeditor/model/exercise_file.py" line="-55"/>
        <location filename="../../nodeeditor/model/fileformat.py" line="+141"/>
        <source>expected an array, got {got}</source>
        <translation>배열이 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="+27"/>
        <location filename="../../nodeeditor/model/values.py" line="+44"/>
        <source>must be finite numbers (no NaN or infinity)</source>
        <translation>유한한 숫자여야 합니다 (NaN이나 무한대는 안 됩니다)</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/exercise.py" line="+295"/>
        <location filename="../../nodeeditor/model/fileformat.py" line="+2"/>
        <location filename="../../nodeeditor/model/values.py" line="-13"/>
        <source>is too large to be a finite number</source>
        <translation>너무 커서 유한한 숫자로 나타낼 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="+11"/>
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
        <location filename="../../nodeeditor/model/values.py" line="+30"/>
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
        <location filename="../../nodeeditor/model/engine.py" line="-560"/>
        <location filename="../../nodeeditor/model/graph.py" line="-60"/>
        <location filename="../../nodeeditor/model/paths.py" line="+77"/>
        <source>there is no node &quot;{node}&quot;</source>
        <translation>&quot;{node}&quot; 노드가 없습니다</translation>
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
        <location filename="../../nodeeditor/model/engine.py" line="+3"/>
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
        <location line="+199"/>
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
        <location filename="../../nodeeditor/model/values.py" line="-28"/>
        <source>must be numbers</source>
        <translation>숫자여야 합니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/exercise.py" line="+2"/>
        <location filename="../../nodeeditor/model/values.py" line="+2"/>
        <location line="+30"/>
        <source>must be a number, a vector or a matrix (nested at most 2 deep)</source>
        <translation>숫자, 벡터 또는 행렬이어야 합니다 (중첩은 2단계까지)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../nodeeditor/model/values.py" line="-27"/>
        <source>has {n} elements; at most {limit} are allowed</source>
        <translation>원소가 {n}개입니다. 최대 {limit}개까지만 허용됩니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/values.py" line="+3"/>
        <location line="+26"/>
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
        <location filename="../../nodeeditor/model/exercise.py" line="-26"/>
        <location filename="../../nodeeditor/model/values.py" line="+7"/>
        <source>is empty: type a number like 2 or a list like [1, 2, 3]</source>
        <translation>비어 있습니다: 2 같은 숫자나 [1, 2, 3] 같은 리스트를 입력하세요</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../nodeeditor/model/values.py" line="+7"/>
        <source>&quot;{text}&quot; is not a number or a list like [1, 2, 3] or [[1, 2], [3, 4]]</source>
        <translation>&quot;{text}&quot;: 숫자도 아니고 [1, 2, 3]이나 [[1, 2], [3, 4]] 같은 리스트도 아닙니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/values.py" line="+6"/>
        <source>{name} is not allowed: values must be finite numbers</source>
        <translation>{name} 값은 쓸 수 없습니다: 값은 유한한 숫자여야 합니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/engine.py" line="+6"/>
        <source>there is no wire from &quot;{src}&quot; into port {port} of &quot;{dst}&quot;</source>
        <translation>&quot;{src}&quot;에서 &quot;{dst}&quot;의 포트 {port}번으로 가는 연결선이 없습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="-510"/>
        <source>it is {kind}, not a regular file</source>
        <translation>일반 파일이 아니라 {kind}입니다</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+679"/>
        <source>the name holds a NUL character</source>
        <translation>이름에 NUL 문자가 들어 있습니다</translation>
    </message>
    <message>
        <location line="-658"/>
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
        <location line="+424"/>
        <source>contains {char}, half of a UTF-16 surrogate pair: this is not text</source>
        <translation>{char}이(가) 들어 있습니다. UTF-16 서로게이트 쌍의 한쪽뿐이라 글자가 아닙니다</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>{value} is off the canvas: x and y must lie between -{limit} and {limit}</source>
        <translation>{value}은(는) 캔버스 밖입니다. x와 y는 -{limit}에서 {limit} 사이여야 합니다</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>cannot save: no file name was given</source>
        <translation>저장할 수 없습니다: 파일 이름이 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a text in the graph holds {char}, half of a UTF-16 surrogate pair</source>
        <translation>그래프의 텍스트에 UTF-16 서로게이트 쌍의 한쪽인 {char}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/codegen.py" line="+104"/>
        <location filename="../../nodeeditor/model/fileformat.py" line="+3"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>cannot save {path}: {why}</source>
        <translation>{path}에 저장할 수 없습니다: {why}</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/fileformat.py" line="-6"/>
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
        <location filename="../../nodeeditor/model/pyimport.py" line="+130"/>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file name is too long</source>
        <translation>파일 이름이 너무 깁니다</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/exercise_file.py" line="-7"/>
        <source>hides the same number as hidden[{first}]</source>
        <translation>hidden[{first}]과 같은 숫자를 숨깁니다</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>answers a number that is not hidden</source>
        <translation>숨겨지지 않은 숫자에 대한 답입니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a second answer for the same number</source>
        <translation>같은 숫자에 대한 두 번째 답입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected true or false, got {got}</source>
        <translation>true 또는 false가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown key; a tolerance has rtol and atol</source>
        <translation>알 수 없는 키입니다; 허용 오차에는 rtol과 atol이 있습니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>must not be negative</source>
        <translation>음수이면 안 됩니다</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown key</source>
        <translation>알 수 없는 키입니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected &quot;value&quot; or &quot;grad&quot;, got {got}</source>
        <translation>&quot;value&quot; 또는 &quot;grad&quot;가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give either &quot;node&quot; or &quot;edge&quot;, not both or neither</source>
        <translation>&quot;node&quot;와 &quot;edge&quot; 중 하나만 쓰세요(둘 다 쓰거나 둘 다 빼면 안 됩니다)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no such wire</source>
        <translation>그런 선이 없습니다</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>write NaN and infinity as the texts &quot;NaN&quot;, &quot;Infinity&quot;, &quot;-Infinity&quot;</source>
        <translation>NaN과 무한대는 텍스트 &quot;NaN&quot;, &quot;Infinity&quot;, &quot;-Infinity&quot;로 쓰세요</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>expected a whole number of at least 1, got {got}</source>
        <translation>1 이상의 정수가 있어야 합니다 (실제 값: {got})</translation>
    </message>
    <message>
        <location filename="../../nodeeditor/model/engine.py" line="+27"/>
        <source>cannot differentiate &quot;{node}&quot;: there is no such node</source>
        <translation>&quot;{node}&quot;을(를) 미분할 수 없습니다: 그런 노드가 없습니다</translation>
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
        <location filename="../../nodeeditor/gui/export.py" line="+147"/>
        <source>cannot write the picture {path}: {reason}</source>
        <translation>그림 파일을 쓸 수 없습니다: {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>grading</name>
    <message>
        <location filename="../../nodeeditor/model/grading.py" line="+170"/>
        <source>the reference has no Output and no exercise: there is nothing to compare</source>
        <translation>정답 그래프에 출력 노드도 연습 문제도 없어 비교할 것이 없습니다</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the reference&apos;s Output &quot;{output}&quot; has no value: {why}</source>
        <translation>정답 그래프의 출력 &quot;{output}&quot;에 값이 없습니다: {why}</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>the answers were shown, so they do not count ({right} of {total} right)</source>
        <translation>정답을 본 뒤라 답을 인정하지 않습니다 ({total}개 중 {right}개 맞음)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{right} of {total} answers are right</source>
        <translation>답 {total}개 중 {right}개가 맞습니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Input &quot;{input}&quot; is {got}; the reference&apos;s is {want}</source>
        <translation>입력 &quot;{input}&quot;은(는) {got}입니다. 정답 그래프에서는 {want}입니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Output &quot;{output}&quot; has no value: {why}</source>
        <translation>출력 &quot;{output}&quot;에 값이 없습니다: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output &quot;{output}&quot; is {got}; the reference&apos;s is {want}</source>
        <translation>출력 &quot;{output}&quot;은(는) {got}입니다. 정답 그래프에서는 {want}입니다</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Output &quot;{node}&quot; is {got} {where}; the reference gives {want}</source>
        <translation>출력 &quot;{node}&quot;의 값이 {where} {got}입니다. 정답 그래프는 {want}입니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the gradient of Input &quot;{node}&quot; is {got} {where}; the reference gives {want}</source>
        <translation>입력 &quot;{node}&quot;의 기울기가 {where} {got}입니다. 정답 그래프는 {want}입니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the graph has no Output</source>
        <translation>그래프에 출력 노드가 없습니다</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>at the reference&apos;s values</source>
        <translation>정답 그래프의 입력값에서</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at {point}</source>
        <translation>{point}에서</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>this graph needs more memory than the computer has</source>
        <translation>이 그래프에는 컴퓨터에 있는 것보다 더 많은 메모리가 필요합니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected problem: {what}</source>
        <translation>예상하지 못한 문제: {what}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the graph has {count} nodes; at most {limit} are graded against this reference</source>
        <translation>그래프의 노드가 {count}개입니다. 이 정답 그래프로는 노드가 {limit}개 이하인 그래프만 채점합니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the file is {size} bytes; at most {limit} are graded against this reference</source>
        <translation>파일이 {size}바이트입니다. 이 정답 그래프로는 {limit}바이트 이하인 파일만 채점합니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a number</source>
        <translation>숫자 하나</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of shape ({shape})</source>
        <translation>형상 ({shape})의 값</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>more than one Input is named &quot;{node}&quot;</source>
        <translation>이름이 &quot;{node}&quot;인 입력 노드가 둘 이상입니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>more than one Output is named &quot;{node}&quot;</source>
        <translation>이름이 &quot;{node}&quot;인 출력 노드가 둘 이상입니다</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the graph has no Input &quot;{node}&quot; (matched by name, else by id)</source>
        <translation>그래프에 입력 &quot;{node}&quot;이(가) 없습니다 (이름으로, 이름이 없으면 id로 찾습니다)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the graph has no Output &quot;{node}&quot; (matched by name, else by id)</source>
        <translation>그래프에 출력 &quot;{node}&quot;이(가) 없습니다 (이름으로, 이름이 없으면 id로 찾습니다)</translation>
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
    <name>pyimport</name>
    <message>
        <location filename="../../nodeeditor/model/pyimport.py" line="-80"/>
        <source>the functions are exp, log, sigmoid, tanh, relu, sin, cos and sum (bare or with math., np., numpy. or torch.), np.maximum(x, 0), np.array([...]) and micrograd&apos;s Value(...)</source>
        <translation>쓸 수 있는 함수는 exp, log, sigmoid, tanh, relu, sin, cos, sum(그대로 또는 math., np., numpy., torch.를 붙여서), np.maximum(x, 0), np.array([...]), micrograd의 Value(...)입니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>an expression may hold numbers, lists of numbers, variables, + - * / ** @, unary minus and calls of exp, log, sigmoid, tanh, relu, sin, cos and sum</source>
        <translation>식에는 숫자, 숫자 리스트, 변수, + - * / ** @, 단항 마이너스, 그리고 exp, log, sigmoid, tanh, relu, sin, cos, sum 호출만 쓸 수 있습니다</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the code must be straight-line statements: assignments (x = 2.0, c += c + 1), imports of math, numpy, torch and micrograd, v.label = &apos;...&apos;, v.backward() and print(...)</source>
        <translation>코드는 위에서 아래로 한 번씩 실행되는 문장이어야 합니다: 대입(x = 2.0, c += c + 1), math, numpy, torch, micrograd의 import, v.label = &apos;...&apos;, v.backward(), print(...)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the names with a dot are math., np., numpy. and torch. functions and a Value&apos;s .relu(), .tanh(), .exp() (and the other functions), .label and .backward()</source>
        <translation>점(.)이 들어간 이름은 math., np., numpy., torch.의 함수와 Value의 .relu(), .tanh(), .exp()(및 다른 함수들), .label, .backward()만 쓸 수 있습니다</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>a for loop</source>
        <translation>for 반복문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a while loop</source>
        <translation>while 반복문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an if statement</source>
        <translation>if 문</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a function definition</source>
        <translation>함수 정의</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a class definition</source>
        <translation>클래스 정의</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>a with statement</source>
        <translation>with 문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a try statement</source>
        <translation>try 문</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>return</source>
        <translation>return</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>del</source>
        <translation>del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nonlocal</source>
        <translation>nonlocal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raise</source>
        <translation>raise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>assert</source>
        <translation>assert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>break</source>
        <translation>break</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>continue</source>
        <translation>continue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a lambda</source>
        <translation>lambda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a list comprehension</source>
        <translation>리스트 컴프리헨션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a set comprehension</source>
        <translation>집합 컴프리헨션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a dict comprehension</source>
        <translation>딕셔너리 컴프리헨션</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a generator expression</source>
        <translation>제너레이터 식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a subscript ([...] after a value)</source>
        <translation>인덱싱(값 뒤의 [...])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a slice</source>
        <translation>슬라이스</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a comparison</source>
        <translation>비교</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>and/or</source>
        <translation>and/or</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a conditional expression (... if ... else ...)</source>
        <translation>조건식(... if ... else ...)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a dict</source>
        <translation>딕셔너리</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a set</source>
        <translation>집합</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a tuple</source>
        <translation>튜플</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an f-string</source>
        <translation>f-문자열</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a starred expression</source>
        <translation>별표(*) 식</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the := operator</source>
        <translation>:= 연산자</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>await</source>
        <translation>await</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>yield</source>
        <translation>yield</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a match statement</source>
        <translation>match 문</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>it is not a regular file</source>
        <translation>일반 파일이 아닙니다</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>cannot read the code: {why}</source>
        <translation>코드를 읽을 수 없습니다: {why}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the code is longer than {limit} bytes</source>
        <translation>코드가 {limit}바이트보다 깁니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the code is not UTF-8 text (byte {byte})</source>
        <translation>코드가 UTF-8 텍스트가 아닙니다({byte}번째 바이트)</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the code is {n} characters long; at most {limit} are read</source>
        <translation>코드가 {n}자입니다. 최대 {limit}자까지 읽습니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this is not valid Python ({reason})</source>
        <translation>올바른 Python 코드가 아닙니다({reason})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Python cannot read this code: it is nested too deeply or holds a NUL</source>
        <translation>Python이 이 코드를 읽을 수 없습니다: 너무 깊이 중첩되어 있거나 NUL 문자가 들어 있습니다</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the expression is nested more than {limit} levels deep</source>
        <translation>식이 {limit}단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>{what} is not supported: {supported}</source>
        <translation>{what}은(는) 지원하지 않습니다: {supported}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>this statement</source>
        <translation>이 문장</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>setting .{attr} is not supported: the graph computes every value and gradient itself; call v.backward() to make v the Output</source>
        <translation>.{attr}에 값을 넣는 것은 지원하지 않습니다: 그래프가 모든 값과 기울기를 스스로 계산합니다. v를 출력 노드로 만들려면 v.backward()를 호출하세요</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a label must be text in quotes, such as v.label = &apos;x1&apos;</source>
        <translation>label은 v.label = &apos;x1&apos;처럼 따옴표로 감싼 텍스트여야 합니다</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>backward() is understood only as v.backward() on a variable</source>
        <translation>backward()는 변수에 대해 v.backward() 형태로만 쓸 수 있습니다</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+209"/>
        <source>the graph would have more than {limit} nodes</source>
        <translation>그래프의 노드가 {limit}개를 넘게 됩니다</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>this expression</source>
        <translation>이 식</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{name} has no value yet: give it one first, as in {name} = 2.0</source>
        <translation>{name}에 아직 값이 없습니다: 먼저 {name} = 2.0처럼 값을 주세요</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the operator {op} is not supported: the operators are + - * / ** @ and unary minus</source>
        <translation>연산자 {op}은(는) 지원하지 않습니다: 쓸 수 있는 연산자는 + - * / ** @와 단항 마이너스입니다</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the power in x ** n must be a number written in the code, not {code}: a Pow node&apos;s exponent is fixed (exp(x) gives eˣ)</source>
        <translation>x ** n의 지수는 {code}이(가) 아니라 코드에 적힌 숫자여야 합니다: 거듭제곱 노드의 지수는 고정값입니다(eˣ는 exp(x)로 쓰세요)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{code} is too large to be a finite number</source>
        <translation>{code}은(는) 너무 커서 유한한 수가 될 수 없습니다</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{code} is not supported here: values are numbers, lists of numbers such as [1.0, 2.0] or [[1, 2], [3, 4]], np.array([...]) or Value(2.0)</source>
        <translation>여기에는 {code}을(를) 쓸 수 없습니다: 값은 숫자, [1.0, 2.0]이나 [[1, 2], [3, 4]] 같은 숫자 리스트, np.array([...]), Value(2.0)입니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{code}: {reason}</source>
        <translation>{code}: {reason}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>{code} takes {count} argument(s) here, without keywords</source>
        <translation>{code}에는 여기서 키워드 없이 인자 {count}개를 줍니다</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Value(...) takes a number and, if you like, label=&apos;name&apos;</source>
        <translation>Value(...)에는 숫자 하나와, 원하면 label=&apos;이름&apos;을 줍니다</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{code} is supported only against 0, as np.maximum(x, 0), which is ReLU</source>
        <translation>{code}은(는) np.maximum(x, 0)처럼 0과 비교할 때만 지원합니다(이것이 ReLU입니다)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>sum of an empty list is not supported</source>
        <translation>빈 리스트의 sum은 지원하지 않습니다</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the code computes nothing: write an assignment such as z = (x + y)**2</source>
        <translation>코드가 아무것도 계산하지 않습니다: z = (x + y)**2 같은 대입문을 쓰세요</translation>
    </message>
</context>
<context>
    <name>steps</name>
    <message>
        <location filename="../../nodeeditor/model/steps.py" line="+140"/>
        <source>(wire {k} of {n})</source>
        <translation>(연결선 {n}개 중 {k}번째)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No path leads from {node} to L: ∂L/∂{symbol} = 0, and every wire into it carries 0.</source>
        <translation>{node}에서 L로 가는 경로가 없습니다: ∂L/∂{symbol} = 0이고, 이 노드로 들어오는 모든 연결선에 0이 흐릅니다.</translation>
    </message>
    <message>
        <location line="+104"/>
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
        <location line="-148"/>
        <source>{d} = {seed}: backward starts here (the target)</source>
        <translation>{d} = {seed}: 역전파가 여기(목표 노드)에서 시작합니다</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No path leads from {node} to the target {target}: {d} = 0, and every wire into it carries 0.</source>
        <translation>{node}에서 목표 노드 {target}(으)로 가는 경로가 없습니다: {d} = 0이고, 이 노드로 들어오는 모든 연결선에 0이 흐릅니다.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{d} = {direction}: the direction</source>
        <translation>{d} = {direction}: 방향</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{d} = 0: {node} does not depend on {input}</source>
        <translation>{d} = 0: {node}은(는) {input}에 의존하지 않습니다</translation>
    </message>
    <message>
        <location line="+188"/>
        <source>and {count} more</source>
        <translation>그 밖에 {count}개 더</translation>
    </message>
</context>
</TS>
