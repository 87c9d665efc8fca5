using System.Globalization;
using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary>Finds an environment's containers: created ones by label, adopted ones by the service's selector.</summary>
internal sealed class InstanceCatalog(EnvironmentSpec environment, DockerEngine engine)
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public EnvironmentSpec Environment => environment;

    public ServiceSpec Service(string name) =>
        environment.Services.TryGetValue(name, out var service)
            ? service
            : throw new DriverException($"Environment '{environment.Name}' has no service '{name}'.");

    public static string NameOf(ContainerListResponse container) => container.Names.Count > 0 ? container.Names[0].TrimStart('/') : container.ID;

    public static int IndexOf(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(DockerLabels.Instance, out var value) && int.TryParse(value, CultureInfo.InvariantCulture, out var index)
            ? index
            : 0;

    /// <summary>Containers carrying the environment label, including set-aside ones (for <c>down</c>).</summary>
    public Task<IList<ContainerListResponse>> ListEnvironmentAsync(CancellationToken cancellationToken) =>
        ListAsync(new Dictionary<string, bool> { [$"{DockerLabels.Environment}={environment.Name}"] = true }, cancellationToken);

    /// <summary>A service's instances ordered by instance index (adopted ones by name).</summary>
    public async Task<IReadOnlyList<ContainerListResponse>> ListServiceAsync(ServiceSpec service, CancellationToken cancellationToken)
    {
        if (service.Selector is { } selector)
        {
            var labels = new Dictionary<string, bool>();
            if (!string.IsNullOrEmpty(selector.Label))
            {
                labels[selector.Label] = true;
            }

            var all = await ListAsync(labels, cancellationToken).ConfigureAwait(false);
            return [.. all.Where(c => MatchesName(selector, NameOf(c))).OrderBy(NameOf, StringComparer.Ordinal)];
        }

        var filter = new Dictionary<string, bool>
        {
            [$"{DockerLabels.Environment}={environment.Name}"] = true,
            [$"{DockerLabels.Service}={service.Name}"] = true,
        };
        // Set-aside containers of an unfinished recreate are not instances. They are healed where an instance is
        // looked up by name (FindAsync) or reconfigured, never here: listing runs beside a recreate in progress.
        var own = await ListAsync(filter, cancellationToken).ConfigureAwait(false);
        return [.. own.Where(c => !NameOf(c).EndsWith(DockerLabels.SetAsideSuffix, StringComparison.Ordinal)).OrderBy(c => IndexOf(c.Labels))];
    }

    /// <summary>
    /// A service's containers set aside by a recreate in progress (or left by a dead runner): instances all the same,
    /// whose new container does not exist yet.
    /// </summary>
    public async Task<IReadOnlyList<ContainerListResponse>> ListSetAsideAsync(ServiceSpec service, CancellationToken cancellationToken)
    {
        if (service.Selector is not null)
        {
            return [];
        }

        var filter = new Dictionary<string, bool>
        {
            [$"{DockerLabels.Environment}={environment.Name}"] = true,
            [$"{DockerLabels.Service}={service.Name}"] = true,
        };
        var own = await ListAsync(filter, cancellationToken).ConfigureAwait(false);
        return [.. own.Where(c => NameOf(c).EndsWith(DockerLabels.SetAsideSuffix, StringComparison.Ordinal))];
    }

    /// <summary>A listed container by id, or null when it has gone since; heals nothing.</summary>
    public async Task<(ContainerInspectResponse Container, ServiceSpec Service)?> InspectAsync(string containerId, CancellationToken cancellationToken)
    {
        var container = await engine.CallOrDefaultOnNotFoundAsync(
            "inspect " + containerId, (c, ct) => c.Containers.InspectContainerAsync(containerId, ct), cancellationToken).ConfigureAwait(false);
        return container is null || container.Name.TrimStart('/').EndsWith(DockerLabels.SetAsideSuffix, StringComparison.Ordinal) ? null : (container, ServiceOf(container));
    }

    /// <summary>The container and its service, or null when no container has that name.</summary>
    public async Task<(ContainerInspectResponse Container, ServiceSpec Service)?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        var container = await engine.CallOrDefaultOnNotFoundAsync(
            "inspect " + instanceId, (c, ct) => c.Containers.InspectContainerAsync(instanceId, ct), cancellationToken).ConfigureAwait(false);
        if (container is null && await SetAsideHealer.HealAsync(engine, instanceId, cancellationToken).ConfigureAwait(false))
        {
            container = await engine.CallOrDefaultOnNotFoundAsync(
                "inspect " + instanceId, (c, ct) => c.Containers.InspectContainerAsync(instanceId, ct), cancellationToken).ConfigureAwait(false);
        }

        return container is null ? null : (container, ServiceOf(container));
    }

    public async Task<(ContainerInspectResponse Container, ServiceSpec Service)> RequireAsync(string instanceId, CancellationToken cancellationToken) =>
        await FindAsync(instanceId, cancellationToken).ConfigureAwait(false)
        ?? throw new DriverException($"Instance '{instanceId}' of environment '{environment.Name}' does not exist on the Docker engine at {engine.Endpoint}.");

    // Refusing containers outside the environment keeps a typo in a drill from killing someone else's container.
    private ServiceSpec ServiceOf(ContainerInspectResponse container)
    {
        var labels = container.Config?.Labels ?? new Dictionary<string, string>();
        var name = container.Name.TrimStart('/');
        if (labels.TryGetValue(DockerLabels.Environment, out var env) && env == environment.Name
            && labels.TryGetValue(DockerLabels.Service, out var serviceName) && environment.Services.TryGetValue(serviceName, out var own))
        {
            return own;
        }

        foreach (var service in environment.Services.Values)
        {
            if (service.Selector is { } selector && MatchesLabel(selector, labels) && MatchesName(selector, name))
            {
                return service;
            }
        }

        throw new DriverException($"Container '{name}' is not part of environment '{environment.Name}' (no matching label or selector).");
    }

    private static bool MatchesLabel(SelectorSpec selector, IDictionary<string, string> labels)
    {
        if (string.IsNullOrEmpty(selector.Label))
        {
            return true;
        }

        var parts = selector.Label.Split('=', 2);
        return labels.TryGetValue(parts[0], out var value) && (parts.Length == 1 || value == parts[1]);
    }

    private static bool MatchesName(SelectorSpec selector, string name) =>
        string.IsNullOrEmpty(selector.NamePattern) || Regex.IsMatch(name, selector.NamePattern, RegexOptions.None, RegexTimeout);

    private Task<IList<ContainerListResponse>> ListAsync(Dictionary<string, bool> labelFilters, CancellationToken cancellationToken)
    {
        var parameters = new ContainersListParameters { All = true };
        if (labelFilters.Count > 0)
        {
            parameters.Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = labelFilters };
        }

        return engine.CallAsync("list containers", (c, ct) => c.Containers.ListContainersAsync(parameters, ct), cancellationToken);
    }
}
