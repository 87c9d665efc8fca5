using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Cli.Commands;

/// <summary>
/// The real limits of adopted services (a selector): the driver did not create their containers, so what the file
/// declares is only a claim. Read from each running instance through <see cref="IResourceLimits"/>; a service's limit
/// is the loosest of its instances' (one unlimited instance makes the service unlimited).
/// </summary>
internal static class AdoptedLimits
{
    public static async Task<IReadOnlyDictionary<string, LimitsSpec?>> ReadAsync(IEnvironmentDriver driver, EnvironmentSpec environment, CancellationToken cancellationToken)
    {
        var observed = new Dictionary<string, LimitsSpec?>(StringComparer.Ordinal);
        if (!driver.Has(typeof(IResourceLimits)))
        {
            return observed;
        }

        var limits = driver.Require<IResourceLimits>();
        foreach (var service in environment.Services.Values.Where(s => s.Selector is not null))
        {
            var running = (await driver.ListInstancesAsync(service.Name, cancellationToken)).Where(i => i.State == InstanceState.Running).ToList();
            if (running.Count == 0)
            {
                continue;
            }

            var read = new List<ResourceLimits>();
            foreach (var instance in running)
            {
                read.Add(await limits.ReadLimitsAsync(instance.Id, cancellationToken));
            }

            var cpus = read.All(r => r.Cpus is not null) ? read.Max(r => r.Cpus) : null;
            var memory = read.All(r => r.MemoryBytes is not null) ? read.Max(r => r.MemoryBytes) : null;
            observed[service.Name] = cpus is null && memory is null ? null : new LimitsSpec { Cpus = cpus, Memory = memory is { } m ? new ByteSize(m) : null };
        }

        return observed;
    }
}
