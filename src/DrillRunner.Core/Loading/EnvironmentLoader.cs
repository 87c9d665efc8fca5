using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Loading;

/// <summary>Loads and validates an environment file; throws <see cref="DrillInputException"/> with every problem.</summary>
public static class EnvironmentLoader
{
    private const long TmpfsMin = 1L << 20;
    private const long TmpfsMax = 2L << 30;

    /// <summary>
    /// Loads an environment file. With a <paramref name="catalog"/> that has drivers registered, <c>driver:</c> must
    /// name one of them (or <c>auto</c>).
    /// </summary>
    public static EnvironmentSpec Load(string path, DrillCatalog? catalog = null)
    {
        var problems = new ProblemList();
        var spec = Read(path, problems, catalog);
        problems.ThrowIfAny();
        return spec!;
    }

    internal static EnvironmentSpec? Read(string path, ProblemList problems, DrillCatalog? catalog)
    {
        var file = Path.GetFullPath(path);
        if (!FileText.TryRead(file, problems, out var text))
        {
            return null;
        }

        var root = YamlDocumentReader.Read(file, text, problems);
        if (root is null)
        {
            return null;
        }

        var spec = new YamlBinder(file, problems, NoKinds.Instance).BindRoot<EnvironmentSpec>(root);
        if (spec is null)
        {
            return null;
        }

        spec = new EnvironmentSpec
        {
            Name = spec.Name,
            Driver = spec.Driver,
            Protected = spec.Protected,
            Allowlist = spec.Allowlist,
            Docker = DockerEndpointCheck.Resolve(spec.Docker, Path.GetDirectoryName(file)!),
            Services = spec.Services,
            Endpoints = spec.Endpoints,
            Objectives = spec.Objectives,
            BaseDirectory = Path.GetDirectoryName(file)!,
            SourceFile = file,
        };
        Check(spec, file, problems, catalog);
        return spec;
    }

    private static void Check(EnvironmentSpec spec, string file, ProblemList problems, DrillCatalog? catalog)
    {
        var top = new SourceLocation(file, 1, 1);
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            problems.Add(top, "name", "is required");
        }

        var drivers = catalog?.Drivers.Select(d => d.Name).Prepend(DriverSelector.Auto).ToList() ?? [];
        if (drivers.Count > 1 && !drivers.Contains(spec.Driver, StringComparer.Ordinal))
        {
            problems.Add(top, "driver", $"'{spec.Driver}' is not one of: {string.Join(", ", drivers)}");
        }

        DockerEndpointCheck.Check(spec.Docker, top, problems);
        foreach (var (name, service) in spec.Services)
        {
            if (service.Instances is < 1 or > 50)
            {
                problems.Add(service.Location, $"services.{name}.instances", "must be between 1 and 50");
            }

            var most = service.MaxInstances ?? service.Instances;
            if (service.Port != 0 && (service.Port < 1024 || service.Port + most > 65535))
            {
                problems.Add(service.Location, $"services.{name}.port", "must leave room for every instance between 1024 and 65535");
            }

            if (service.MaxInstances is { } max && (max < service.Instances || max > Steps.Scale.ScaleOptions.MaxReplicas))
            {
                problems.Add(service.Location, $"services.{name}.maxInstances", $"must be between instances ({service.Instances}) and {Steps.Scale.ScaleOptions.MaxReplicas}");
            }

            foreach (var mount in service.Mounts.Where(m => string.IsNullOrWhiteSpace(m.Source) || (m.Target is { } t && !t.StartsWith('/'))))
            {
                problems.Add(service.Location, $"services.{name}.mounts", $"'{mount.Source}' needs a source path, and a target (if given) must be absolute");
            }

            if (service.Init && string.Equals(spec.Driver, "local", StringComparison.Ordinal))
            {
                problems.Add(service.Location, $"services.{name}.init", "runs docker-init as a container's PID 1: a Docker setting, and this environment uses the local driver");
            }

            if (service.Init && service.Selector is not null)
            {
                problems.Add(service.Location, $"services.{name}.init", "adopted containers keep how they were started: set init on them (docker run --init, compose init: true), not here");
            }

            CheckNetworkPlaceholders(spec, name, service, problems);
            CheckTmpfs(name, service, problems);
            if (service.Selector is { } selector)
            {
                foreach (var (field, message) in SelectorRules.Problems(selector))
                {
                    var path = field.Length == 0 ? $"services.{name}.selector" : $"services.{name}.selector.{field}";
                    problems.Add(selector.Location == SourceLocation.None ? service.Location : selector.Location, path, message);
                }
            }

            ServiceChecks.Check(name, service, spec.Driver, problems);
        }

        foreach (var (name, url) in spec.Endpoints)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                problems.Add(top, $"endpoints.{name}", $"'{url}' is not an absolute URL");
            }
            else if (!Allowlist.Allows(spec, uri))
            {
                problems.Add(top, $"endpoints.{name}", $"host '{uri.Host}' is not in the allowlist ({string.Join(", ", spec.Allowlist)})");
            }
        }
    }

    private static void CheckNetworkPlaceholders(EnvironmentSpec spec, string name, ServiceSpec service, ProblemList problems)
    {
        foreach (var (key, value) in service.Settings)
        {
            foreach (var other in InstanceSettings.HostReferences(value).Where(s => !spec.Services.ContainsKey(s)))
            {
                problems.Add(service.Location, $"services.{name}.settings.{key}",
                    $"{{host:{other}}} names no service of this environment{NameSuggester.Hint(other, spec.Services.Keys)}");
            }
        }
    }

    private static void CheckTmpfs(string name, ServiceSpec service, ProblemList problems)
    {
        foreach (var (path, size) in service.Tmpfs)
        {
            if (!path.StartsWith('/') || path == "/" || path.Contains("..", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
            {
                problems.Add(service.Location, $"services.{name}.tmpfs", $"'{path}' must be an absolute path inside the container, other than /");
            }

            if (size.Bytes < TmpfsMin || size.Bytes > TmpfsMax)
            {
                problems.Add(service.Location, $"services.{name}.tmpfs.{path}", $"{size} is not between 1MiB and 2GiB (a tmpfs lives in the host's memory)");
            }
        }
    }
}
