using DrillRunner.Catalog;
using DrillRunner.Docker.Faults.DiskFill;
using DrillRunner.Docker.Faults.Network;
using DrillRunner.Docker.Faults.NetworkBandwidth;
using DrillRunner.Docker.Faults.NetworkDelay;
using DrillRunner.Docker.Faults.NetworkLoss;
using DrillRunner.Docker.Faults.NetworkPartition;

namespace DrillRunner.Docker;

/// <summary>Registers the <c>docker</c> driver and the step kinds only it can perform (network faults, disk-fill).</summary>
public static class DockerCatalog
{
    public static DrillCatalog AddDocker(this DrillCatalog catalog, DockerDriverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var network = new NetworkFaultUndo();
        return catalog
            .AddDriver(options is null ? new DockerDriverFactory() : new DockerDriverFactory(options))
            .AddStep<NetworkDelayOptions>(NetworkFaultConstants.DelayKind, o => new NetworkFault(o, o), network)
            .AddStep<NetworkLossOptions>(NetworkFaultConstants.LossKind, o => new NetworkFault(o, o), network)
            .AddStep<NetworkBandwidthOptions>(NetworkFaultConstants.BandwidthKind, o => new NetworkFault(o, o), network)
            .AddStep<NetworkPartitionOptions>(NetworkFaultConstants.PartitionKind, o => new NetworkFault(o, o), network)
            .AddStep<DiskFillOptions>(DiskFillConstants.Kind, o => new DiskFillFault(o), new DiskFillUndo());
    }
}
