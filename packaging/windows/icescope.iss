; Inno Setup script for IceScope (Windows x64). Built by .github/workflows/windows.yml:
;   iscc /DAppVersion=0.1.0 packaging\windows\icescope.iss
; With a code-signing certificate the workflow also passes
;   /Ssigntool="signtool.exe sign /fd SHA256 /tr <timestamp URL> /td SHA256 ... $f" /DSign=1
; so Setup and the uninstaller are signed while they are compiled (signing afterwards leaves
; Inno's temporary self-copies unsigned, which Defender ASR rules can block).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define Bundle "..\..\dist\icescope"

[Setup]
AppId={{6F0E7C52-3C1B-4E0F-9D7A-1C3E5B2A9F41}
AppName=IceScope
AppVersion={#AppVersion}
AppVerName=IceScope {#AppVersion}
AppPublisher=IceScope developers
DefaultDirName={autopf}\IceScope
DefaultGroupName=IceScope
DisableProgramGroupPage=yes
; Per-user install by default (no UAC prompt for QA testers); admins may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=icescope-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\icescope.ico
UninstallDisplayIcon={app}\icescope.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\packaging\windows\LICENSE.txt
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\IceScope"; Filename: "{app}\icescope.exe"
Name: "{autodesktop}\IceScope"; Filename: "{app}\icescope.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\icescope.exe"; Description: "{cm:LaunchProgram,IceScope}"; Flags: nowait postinstall skipifsilent
