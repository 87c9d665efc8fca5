using System.Globalization;
using DrillRunner.Docker.Namespaces;
using DrillRunner.Drivers;

namespace DrillRunner.Docker.Network;

/// <summary>
/// Bandwidth limits as a token-bucket (<c>tbf</c>) root qdisc on an interface, which shapes what the instance sends.
/// A root qdisc DrillRunner did not add (another handle than its own) is never replaced or deleted.
/// </summary>
internal sealed class TrafficControl(TimeProvider time)
{
    /// <summary>A veth's root qdisc when nobody changed it.</summary>
    private const string DefaultKind = "noqueue";

    public async Task<RootQdisc> RootAsync(ContainerNamespace ns, string device, CancellationToken cancellationToken)
    {
        var shown = (await ns.RunAsync("tc", ["qdisc", "show", "dev", device, "root"], time, cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
        var line = shown.Output.Split('\n').FirstOrDefault(l => l.StartsWith("qdisc ", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return parts.Length >= 3 ? new RootQdisc(device, parts[1], parts[2]) : new RootQdisc(device, DefaultKind, "0:");
    }

    public async Task AddTbfAsync(ContainerNamespace ns, string device, string handle, long bitsPerSecond, CancellationToken cancellationToken)
    {
        var root = await RootAsync(ns, device, cancellationToken).ConfigureAwait(false);
        if (!root.IsDefault)
        {
            throw new DriverException(
                $"{ns.InstanceId}: {device} already has a {root.Kind} qdisc ({root.Handle}){(NetworkTags.IsDrillRunnerHandle(root.Handle) ? ", another bandwidth fault of DrillRunner" : "")}; one bandwidth limit at a time");
        }

        // A burst of 10 ms at the rate (at least 16 KiB, several full frames) and a queue of up to 200 ms behind it.
        var burst = Math.Max(16 * 1024, bitsPerSecond / 8 / 100);
        (await ns.RunAsync(
            "tc",
            ["qdisc", "add", "dev", device, "root", "handle", handle, "tbf", "rate", $"{bitsPerSecond.ToString(CultureInfo.InvariantCulture)}bit",
                "burst", burst.ToString(CultureInfo.InvariantCulture), "latency", "200ms"],
            time,
            cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
    }

    /// <summary>Deletes the root qdisc of <paramref name="device"/> when its handle is <paramref name="handle"/>; false when it was not there.</summary>
    public async Task<bool> DeleteAsync(ContainerNamespace ns, string device, string handle, CancellationToken cancellationToken)
    {
        if ((await RootAsync(ns, device, cancellationToken).ConfigureAwait(false)).Handle != handle)
        {
            return false;
        }

        (await ns.RunAsync("tc", ["qdisc", "del", "dev", device, "root", "handle", handle], time, cancellationToken).ConfigureAwait(false)).ThrowIfFailed();
        return true;
    }
}

/// <summary>The root qdisc of a device: its kind (<c>tbf</c>, <c>noqueue</c>) and handle (<c>d7a1:</c>).</summary>
internal sealed record RootQdisc(string Device, string Kind, string Handle)
{
    public bool IsDefault => Handle == "0:";

    public override string ToString() => $"{Device}: {Kind} {Handle}";
}
