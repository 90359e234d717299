import Foundation
import LecternCLI

var out = FileHandleOutput(FileHandle.standardOutput)
var err = FileHandleOutput(FileHandle.standardError)
let code = Lectern.main(arguments: Array(CommandLine.arguments.dropFirst()), output: &out, errors: &err, colors: Lectern.terminalColors)
exit(code)
