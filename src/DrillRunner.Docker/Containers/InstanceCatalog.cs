using System.Globalization;
using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Drivers;
using DrillRunner.Model;
using ServiceSpec = DrillRunner.Model.ServiceSpec;

namespace DrillRunner.Docker.Containers;

/// <summary>Finds an environment's containers: created ones by label, adopted ones by the service's selector.</summary>
internal sealed class InstanceCatalog(EnvironmentSpec environment, DockerEngine engine)
{
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
            var safe = SafeSelector(service);
            var labels = new Dictionary<string, bool>();
            if (safe.Label is { } label)
            {
                labels[label] = true;
            }

            var all = await ListAsync(labels, cancellationToken).ConfigureAwait(false);
            return [.. all.Where(c => Adopts(selector, c.Labels, NameOf(c))).OrderBy(NameOf, StringComparer.Ordinal)];
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

    /// <summary>Every container on the engine, stopped ones included (for the claims check).</summary>
    public Task<IList<ContainerListResponse>> ListEngineAsync(CancellationToken cancellationToken) =>
        ListAsync([], cancellationToken);

    /// <summary>
    /// Whether a selector takes this container: it matches, and the container was not created by DrillRunner for
    /// another environment (those belong to that environment whatever a selector says).
    /// </summary>
    public bool Adopts(SelectorSpec selector, IDictionary<string, string>? labels, string name)
    {
        labels ??= new Dictionary<string, string>();
        return !OwnedByAnother(labels) && SelectorRules.Matches(selector, labels, name);
    }

    /// <summary>The environment that created the container, when it is not this one.</summary>
    public string? OwnerOtherThanThis(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(DockerLabels.Environment, out var owner) && owner != environment.Name ? owner : null;

    private bool OwnedByAnother(IDictionary<string, string> labels) => OwnerOtherThanThis(labels) is not null;

    // A selector built in code (not loaded from a file) gets the loader's rules here: the driver never acts on one
    // that would match containers of other environments.
    private static SelectorSpec SafeSelector(ServiceSpec service)
    {
        var selector = service.Selector!;
        var problems = SelectorRules.Problems(selector);
        return problems.Count == 0
            ? selector
            : throw new DriverException($"service '{service.Name}' has an unsafe selector: {string.Join("; ", problems.Select(p => $"{p.Field} {p.Message}"))}");
    }

    // Refusing containers outside the environment keeps a typo in a drill from killing someone else's container.
    // This runs on every operation, right before the engine call (by container id), so what is acted on is what was
    // checked, even if a container was replaced since the targets were picked.
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
            if (service.Selector is not null && Adopts(SafeSelector(service), labels, name))
            {
                return service;
            }
        }

        var owner = OwnerOtherThanThis(labels);
        throw new DriverException(owner is null
            ? $"Container '{name}' is not part of environment '{environment.Name}' (no matching label or selector)."
            : $"Container '{name}' belongs to environment '{owner}', not '{environment.Name}'.");
    }

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
