using DrillRunner.Loading;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary>
/// Finds containers that this environment and another one both claim. One environment file cannot see the others when
/// it loads, so this runs against the engine at <c>env up</c>, before a run and before a driver's first disruptive call:
/// it lists every container once and matches this environment's selectors, and those of every other environment file
/// in the same folder that uses the same engine, against them. Containers DrillRunner created carry their
/// environment's label and are never adopted by a selector (<see cref="InstanceCatalog.Adopts"/>), so only adopted
/// containers can be claimed twice; a selector that matches another environment's created containers is a mistake too.
/// </summary>
internal sealed class ClaimCheck(InstanceCatalog catalog)
{
    public async Task<IReadOnlyList<FileProblem>> FindConflictsAsync(CancellationToken cancellationToken)
    {
        var environment = catalog.Environment;
        var adopters = environment.Services.Values.Where(s => s.Selector is not null).ToList();
        if (adopters.Count == 0)
        {
            return [];
        }

        var others = OtherEnvironments(environment);
        var problems = new List<FileProblem>();
        foreach (var container in await catalog.ListEngineAsync(cancellationToken).ConfigureAwait(false))
        {
            var name = InstanceCatalog.NameOf(container);
            var labels = container.Labels ?? new Dictionary<string, string>();
            if (catalog.OwnerOtherThanThis(labels) is { } owner)
            {
                if (adopters.FirstOrDefault(s => SelectorRules.Matches(s.Selector!, labels, name)) is { } taker)
                {
                    problems.Add(Problem(taker, $"matches container '{name}', which DrillRunner created for environment '{owner}'; narrow the selector"));
                }

                continue;
            }

            if (adopters.FirstOrDefault(s => catalog.Adopts(s.Selector!, labels, name)) is not { } ours)
            {
                continue;
            }

            foreach (var other in others)
            {
                foreach (var service in other.Services.Values.Where(s => s.Selector is not null && SelectorRules.Matches(s.Selector, labels, name)))
                {
                    problems.Add(Problem(
                        ours,
                        $"container '{name}' is also claimed by environment '{other.Name}' ({service.Selector!.Location}, services.{service.Name}.selector); "
                        + "two environments must not share a container: narrow one of the selectors"));
                }
            }
        }

        return problems;
    }

    private static FileProblem Problem(ServiceSpec service, string message) =>
        new(service.Selector!.Location.Line > 0 ? service.Selector.Location : service.Location, $"services.{service.Name}.selector", message);

    /// <summary>The other environment files beside this one that load and may drive the same Docker engine.</summary>
    private static List<EnvironmentSpec> OtherEnvironments(EnvironmentSpec environment)
    {
        if (string.IsNullOrEmpty(environment.SourceFile) || Path.GetDirectoryName(Path.GetFullPath(environment.SourceFile)) is not { } folder || !Directory.Exists(folder))
        {
            return [];
        }

        var self = Path.GetFullPath(environment.SourceFile);
        var result = new List<EnvironmentSpec>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal))
        {
            if (string.Equals(Path.GetFullPath(file), self, StringComparison.Ordinal))
            {
                continue;
            }

            EnvironmentSpec other;
            try
            {
                other = EnvironmentLoader.Load(file);
            }
            catch (DrillInputException)
            {
                continue; // A file that does not load as an environment is never drilled, so its selectors never act.
            }

            if (other.Driver != "local" && SameEngine(other.Docker.Endpoint, environment.Docker.Endpoint))
            {
                result.Add(other);
            }
        }

        return result;
    }

    private static bool SameEngine(string a, string b) =>
        string.Equals(a.Trim().TrimEnd('/'), b.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
