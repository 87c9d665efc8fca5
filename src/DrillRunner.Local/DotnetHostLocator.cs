using System.Runtime.InteropServices;

namespace DrillRunner.Local;

/// <summary>Finds the <c>dotnet</c> host that runs the supervisor.</summary>
internal static class DotnetHostLocator
{
    public static string Find(string? configured, string? sdkHostPath, string? processPath)
    {
        if (configured is not null)
        {
            return configured;
        }

        // Set by the SDK for `dotnet test` and `dotnet run`.
        if (sdkHostPath is not null && File.Exists(sdkHostPath))
        {
            return sdkHostPath;
        }

        if (processPath is not null && Path.GetFileNameWithoutExtension(processPath) == "dotnet")
        {
            return processPath;
        }

        // An apphost such as `drill`: the host sits three levels above the shared runtime folder.
        var host = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        return File.Exists(host) ? host : "dotnet";
    }
}
