namespace DrillRunner.Docker.Images;

/// <summary>
/// The .NET runtime this process runs on, as folders to copy into an image when the runtime packs for a
/// self-contained publish are not available: <c>host/fxr</c> and the shared frameworks of the same version.
/// </summary>
internal static class HostRuntime
{
    public const string ImageRoot = "usr/share/dotnet";

    public static IReadOnlyList<RuntimeTree> Trees()
    {
        // .../shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var core = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = Path.GetFileName(core);
        var root = Path.GetFullPath(Path.Combine(core, "..", "..", ".."));
        var trees = new List<RuntimeTree>
        {
            new(core, $"{ImageRoot}/shared/Microsoft.NETCore.App/{version}"),
            new(Path.Combine(root, "host", "fxr", version), $"{ImageRoot}/host/fxr/{version}"),
        };
        var aspnet = Path.Combine(root, "shared", "Microsoft.AspNetCore.App", version);
        if (Directory.Exists(aspnet))
        {
            trees.Add(new(aspnet, $"{ImageRoot}/shared/Microsoft.AspNetCore.App/{version}"));
        }

        return trees.Where(t => Directory.Exists(t.Source)).ToList();
    }
}
