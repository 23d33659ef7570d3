# Install the Windows installer for the current user, use the app, uninstall.
#
#   pwsh packaging/windows/smoke-test.ps1 -Installer dist\backprop-studio-X.Y.Z-windows-x64-setup.exe -Version X.Y.Z
#
# The same checks as packaging/smoke-test.sh on Linux: silent per-user install
# (no administrator), --version, eval with the right numbers, export to PNG
# offscreen, .bpgraph association, the GUI window, a clean uninstall.
param(
    [Parameter(Mandatory = $true)][string]$Installer,
    [Parameter(Mandatory = $true)][string]$Version,
    [string]$OutDir = "smoke-windows"
)
$ErrorActionPreference = "Stop"
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$OutDir = (Resolve-Path $OutDir).Path
$work = Join-Path $env:RUNNER_TEMP "bps-smoke"
if (-not $env:RUNNER_TEMP) { $work = Join-Path $env:TEMP "bps-smoke" }
New-Item -ItemType Directory -Force -Path $work | Out-Null

function Fail($msg) { Write-Host "not ok - $msg"; exit 1 }
function Ok($msg) { Write-Host "ok - $msg" }

# 1. install, per user, silently
$p = Start-Process -FilePath $Installer -Wait -PassThru -ArgumentList @(
    "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/CURRENTUSER", "/LOG=`"$OutDir\install.log`"")
if ($p.ExitCode -ne 0) { Fail "installer exit code $($p.ExitCode)" }
$app = Join-Path $env:LOCALAPPDATA "Programs\Backprop Studio"
$gui = Join-Path $app "BackpropStudio.exe"
$cli = Join-Path $app "nodeeditor.exe"
if (-not (Test-Path $gui) -or -not (Test-Path $cli)) { Fail "not installed in $app" }
$lnk = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs\Backprop Studio.lnk"
if (-not (Test-Path $lnk)) { Fail "no Start-menu entry at $lnk" }
$license = Join-Path $app "LICENSE.txt"
if (-not (Test-Path $license) -or -not (Select-String -Quiet -Path $license -Pattern "^MIT License")) { Fail "no MIT LICENSE.txt in $app" }
Ok "installed in $app, Start-menu entry and LICENSE.txt present"

# Run from an empty folder: no checkout or working directory may help.
Set-Location $work

# 2. version
$got = (& $cli --version | Out-String).Trim()
if ($got -ne "Backprop Studio $Version") { Fail "--version printed '$got'" }
Ok $got

# 3. eval with the numbers of the apple example
$example = Get-ChildItem -Recurse -Path $app -Filter "*buying_apples.bpgraph" | Select-Object -First 1
if (-not $example) { Fail "no buying_apples example in the installation" }
if (-not (Get-ChildItem -Recurse -Path $app -Filter "backprop_studio_ko.qm")) { Fail "no Korean catalogue in the installation" }
$file = Join-Path $work "buying apples.bpgraph"
Copy-Item $example.FullName $file
$json = (& $cli eval --json $file | Out-String)
if ($LASTEXITCODE -ne 0) { Fail "eval exit code $LASTEXITCODE" }
$json | Set-Content -Encoding utf8 (Join-Path $OutDir "eval.json")
$doc = $json | ConvertFrom-Json
$want = @{ apple = 2.2; num = 110.0; tax = 200.0 }
foreach ($k in $want.Keys) {
    $g = [double]$doc.nodes.$k.grad
    if ([math]::Abs($g - $want[$k]) -gt 1e-9 * [math]::Abs($want[$k])) { Fail "dL/d($k) = $g, expected $($want[$k])" }
}
$loss = @($doc.nodes.PSObject.Properties | Where-Object { [math]::Abs([double]$_.Value.value - 220.0) -lt 1e-9 })
if ($loss.Count -eq 0) { Fail "no node has the value 220" }
Ok "eval: loss 220, gradients 2.2 / 110 / 200"

# 4. export offscreen
$png = Join-Path $work "export.png"
$env:QT_QPA_PLATFORM = "offscreen"
& $cli export $file -o $png
$code = $LASTEXITCODE
Remove-Item Env:QT_QPA_PLATFORM
if ($code -ne 0) { Fail "export exit code $code" }
$bytes = [System.IO.File]::ReadAllBytes($png)
if ($bytes.Length -lt 1000 -or $bytes[1] -ne 0x50 -or $bytes[2] -ne 0x4E -or $bytes[3] -ne 0x47) { Fail "export did not write a PNG" }
Copy-Item $png $OutDir
Ok "export.png, $($bytes.Length) bytes"

# 5. .bpgraph association (per user)
$progid = (Get-ItemProperty "HKCU:\Software\Classes\.bpgraph").'(default)'
if ($progid -ne "BackpropStudio.bpgraph") { Fail ".bpgraph maps to '$progid'" }
$cmd = (Get-ItemProperty "HKCU:\Software\Classes\BackpropStudio.bpgraph\shell\open\command").'(default)'
if ($cmd -notlike "*BackpropStudio.exe*%1*") { Fail "open command is '$cmd'" }
Ok ".bpgraph -> $cmd"

# 6. the GUI, opened as a double-click opens it (the shell's "open" verb)
$before = @(Get-Process -Name BackpropStudio -ErrorAction SilentlyContinue | ForEach-Object Id)
Start-Process -FilePath $file -Verb Open
$proc = $null
for ($i = 0; $i -lt 60; $i++) {
    Start-Sleep -Milliseconds 500
    $proc = Get-Process -Name BackpropStudio -ErrorAction SilentlyContinue |
        Where-Object { $before -notcontains $_.Id -and $_.MainWindowTitle -like "*Backprop Studio*" } |
        Select-Object -First 1
    if ($proc) { break }
}
if (-not $proc) { Fail "no 'Backprop Studio' window within 30 s" }
Ok "window '$($proc.MainWindowTitle)'"
Start-Sleep -Seconds 2
try {
    Add-Type -AssemblyName System.Windows.Forms, System.Drawing
    $b = [System.Windows.Forms.Screen]::PrimaryScreen.Bounds
    $bmp = New-Object System.Drawing.Bitmap $b.Width, $b.Height
    [System.Drawing.Graphics]::FromImage($bmp).CopyFromScreen($b.Location, [System.Drawing.Point]::Empty, $b.Size)
    $bmp.Save((Join-Path $OutDir "gui.png"))
} catch { Write-Host "(no screenshot: $_)" }
if ($proc.HasExited) { Fail "the app died after showing its window" }
Stop-Process -Id $proc.Id -Force

# 7. uninstall
Set-Location $env:TEMP
$unins = Join-Path $app "unins000.exe"
$p = Start-Process -FilePath $unins -Wait -PassThru -ArgumentList @("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART")
if ($p.ExitCode -ne 0) { Fail "uninstaller exit code $($p.ExitCode)" }
for ($i = 0; $i -lt 30 -and (Test-Path $gui); $i++) { Start-Sleep -Seconds 1 }
if (Test-Path $gui) { Fail "$gui is still there after uninstalling" }
if (Test-Path "HKCU:\Software\Classes\BackpropStudio.bpgraph") { Fail "the association is still registered" }
if (Test-Path $lnk) { Fail "the Start-menu entry is still there" }
Ok "uninstalled cleanly"
Write-Host "Windows smoke test passed"
