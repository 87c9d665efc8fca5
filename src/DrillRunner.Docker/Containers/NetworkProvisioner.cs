using Docker.DotNet.Models;
using DrillRunner.Docker.Engine;
using DrillRunner.Model;

namespace DrillRunner.Docker.Containers;

/// <summary>Creates the environment's own bridge network for <c>up</c> and removes it for <c>down</c> (only if labelled as its own).</summary>
internal sealed class NetworkProvisioner(DockerEngine engine)
{
    public async Task EnsureAsync(EnvironmentSpec environment, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (!EnvironmentNetwork.IsOwn(environment))
        {
            return;
        }

        var name = EnvironmentNetwork.ModeOf(environment);
        if (await InspectAsync(name, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        await engine.CallAsync(
            "create network " + name,
            (c, ct) => c.Networks.CreateNetworkAsync(
                new NetworksCreateParameters
                {
                    Name = name,
                    Driver = "bridge",
                    CheckDuplicate = true,
                    Labels = new Dictionary<string, string> { [DockerLabels.Environment] = environment.Name },
                },
                ct),
            cancellationToken,
            retry: false).ConfigureAwait(false);
        progress.Report($"created network {name}");
    }

    public async Task RemoveAsync(EnvironmentSpec environment, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (!EnvironmentNetwork.IsOwn(environment))
        {
            return;
        }

        var name = EnvironmentNetwork.ModeOf(environment);
        var network = await InspectAsync(name, cancellationToken).ConfigureAwait(false);
        if (network?.Labels is not { } labels || !labels.TryGetValue(DockerLabels.Environment, out var owner) || owner != environment.Name)
        {
            return;
        }

        await engine.CallOrDefaultOnNotFoundAsync(
            "remove network " + name,
            async (c, ct) =>
            {
                await c.Networks.DeleteNetworkAsync(network.ID, ct).ConfigureAwait(false);
                return name;
            },
            cancellationToken).ConfigureAwait(false);
        progress.Report($"removed network {name}");
    }

    private Task<NetworkResponse?> InspectAsync(string name, CancellationToken cancellationToken) =>
        engine.CallOrDefaultOnNotFoundAsync("inspect network " + name, (c, ct) => c.Networks.InspectNetworkAsync(name, ct), cancellationToken);
}
