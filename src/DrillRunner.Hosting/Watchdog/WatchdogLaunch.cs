using System.Reflection;

namespace DrillRunner.Hosting.Watchdog;

/// <summary>
/// How to start <c>drill watchdog</c>: the program and the arguments before the watchdog's own. The CLI gives its own
/// executable (through the dotnet host when it runs as <c>dotnet drill.dll</c>); runners without one (in-process
/// tests) run without a watchdog process and rely on recovery at the next start.
/// </summary>
public sealed record WatchdogLaunch(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>This process's own executable running <paramref name="command"/>, e.g. <c>dotnet drill.dll watchdog</c>.</summary>
    public static WatchdogLaunch ForThisProgram(string command)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            && Assembly.GetEntryAssembly()?.Location is { Length: > 0 } entry)
        {
            arguments.Add(entry);
        }

        arguments.Add(command);
        return new WatchdogLaunch(host, arguments);
    }
}
