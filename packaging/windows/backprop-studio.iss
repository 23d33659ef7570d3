; Inno Setup 6 script: per-user installer for Backprop Studio on Windows.
;
;   iscc /DAppVersion=0.1.0 /DSourceDir=build\pyinstaller\dist\backprop-studio ^
;        /DIconFile=build\icons\backprop-studio.ico /DOutputDir=dist ^
;        packaging\windows\backprop-studio.iss
;
; Installs into %LOCALAPPDATA%\Programs\Backprop Studio without administrator
; rights, adds a Start-menu entry (and optionally a desktop icon), opens
; .bpgraph files with the app, and registers an uninstaller in
; "Apps & features". Everything it writes is under HKCU and the user's folders.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z ...
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\pyinstaller\dist\backprop-studio"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\backprop-studio.ico"
#endif
#ifndef LicenseFile
  #define LicenseFile "..\..\LICENSE"
#endif

#define AppName "Backprop Studio"
#define AppExe "BackpropStudio.exe"
#define ProgId "BackpropStudio.bpgraph"

[Setup]
; A fixed AppId keeps upgrades in place and one entry in "Apps & features".
AppId={{6F1C2B0E-5B7D-4C1A-9E43-0D2B6C8A7F15}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Backprop Studio developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Per user, no UAC prompt: {autopf} is then %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename=backprop-studio-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The MIT licence beside the app (no licence page: nothing to accept for MIT).
Source: "{#LicenseFile}"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "See forward values and gradients flow through a computational graph"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .bpgraph -> BackpropStudio.bpgraph -> "BackpropStudio.exe" "%1"  (HKA = HKCU here)
Root: HKA; Subkey: "Software\Classes\.bpgraph"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bpgraph"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-bpgraph"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bpgraph\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Backprop Studio graph"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".bpgraph"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
