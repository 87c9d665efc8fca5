using System.Text;
using DrillRunner.Templates;

namespace DrillRunner.Model;

/// <summary>
/// A service's config files (<see cref="ServiceSpec.Files"/>): rendered per instance into the instance's files folder,
/// which drivers place (local: under the state folder; docker: <c>/drillrunner/files</c> in the container) and which
/// args and settings name as <c>{files}</c>. Relative paths in config-file faults resolve against it too.
/// </summary>
public static class InstanceFiles
{
    public const string Placeholder = "{files}";

    /// <summary>Replaces <c>{files}</c> with the instance's folder.</summary>
    public static string Expand(string text, string folder) =>
        text.Replace(Placeholder, folder, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="path"/> in an instance whose files folder is <paramref name="folder"/>: absolute paths stay,
    /// relative ones go under the folder (and may not climb out of it).
    /// </summary>
    public static string Resolve(string folder, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var expanded = Expand(path, folder);
        if (expanded.StartsWith('/'))
        {
            return Normalize(expanded);
        }

        var root = Normalize(folder);
        var resolved = Normalize($"{root}/{expanded}");
        return resolved == root || resolved.StartsWith(root + "/", StringComparison.Ordinal)
            ? resolved
            : throw new ArgumentException($"'{path}' climbs out of the instance's files folder");
    }

    /// <summary>The variables a config template sees for one instance of a service.</summary>
    public static IReadOnlyDictionary<string, object?> Variables(EnvironmentSpec environment, ServiceSpec service, int index, string folder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(service);
        var services = environment.Services.Values.ToDictionary(
            s => s.Name,
            s => (object?)new Dictionary<string, object?>
            {
                ["name"] = s.Name,
                ["instances"] = s.Instances,
                ["port"] = s.Port,
                ["ports"] = Enumerable.Range(1, s.Instances).Select(i => InstanceSettings.PortOf(s, i)).Where(p => p > 0).Cast<object?>().ToList(),
            },
            StringComparer.Ordinal);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["environment"] = environment.Name,
            ["service"] = service.Name,
            ["instance"] = index,
            ["id"] = InstanceSettings.InstanceId(environment, service, index),
            ["port"] = InstanceSettings.PortOf(service, index),
            ["files"] = folder,
            ["settings"] = InstanceSettings.For(environment, service, index).ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
            ["services"] = services,
        };
    }

    /// <summary>Every config file of the instance: path relative to its files folder, rendered bytes.</summary>
    public static IReadOnlyList<(string Path, byte[] Content)> Render(EnvironmentSpec environment, ServiceSpec service, int index, string folder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(service);
        var variables = Variables(environment, service, index, folder);
        var result = new List<(string, byte[])>();
        foreach (var (path, template) in service.Files)
        {
            var source = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.BaseDirectory, template));
            var text = File.ReadAllText(source);
            result.Add((path, Encoding.UTF8.GetBytes(ConfigTemplate.Render(text, variables, $"template {template} of service '{service.Name}'"))));
        }

        return result;
    }

    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return "/" + string.Join('/', parts);
    }
}
