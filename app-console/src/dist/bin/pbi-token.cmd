@echo off
rem pbi-token launcher (Windows). Finds the jar next to this script or in ..\lib.
rem No class-data sharing archive is made here (bin/pbi-token does on Linux and macOS). On JDK 19
rem and later, set PBI_TOKEN_JAVA_OPTS=-XX:+AutoCreateSharedArchive
rem -XX:SharedArchiveFile=%LOCALAPPDATA%\pbi-token\pbi-token.jsa for the same effect.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%pbi-token-all.jar"
if not exist "%JAR%" set "JAR=%HERE%..\lib\pbi-token-all.jar"
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
rem pbi-token takes PBI_TOKEN_* variables for settings and rejects unknown ones: this one is ours.
set "LAUNCHER_JAVA_OPTS=%PBI_TOKEN_JAVA_OPTS%"
set "PBI_TOKEN_JAVA_OPTS="
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off %LAUNCHER_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
