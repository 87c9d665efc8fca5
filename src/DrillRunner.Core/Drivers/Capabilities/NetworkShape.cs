namespace DrillRunner.Drivers.Capabilities;

/// <summary>One network fault on one instance, as a driver applies it. Serialized in undo records.</summary>
public sealed record NetworkShape
{
    /// <summary>Unique per fault and instance; drivers mark every rule, qdisc and process of the shape with it.</summary>
    public required string Tag { get; init; }

    public required NetworkShapeKind Kind { get; init; }

    /// <summary>Delay: added to what the instance sends back on each connection made to it.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Delay: each delay is drawn from <c>Delay ± Jitter</c> (order on a connection is kept).</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>Loss: the fraction of packets dropped, 0 to 1.</summary>
    public double Loss { get; init; }

    /// <summary>Bandwidth: the rate the instance may send at.</summary>
    public long RateBitsPerSecond { get; init; }

    /// <summary>Loss and partition: packets the instance receives, sends, or both.</summary>
    public TrafficDirection Direction { get; init; } = TrafficDirection.Both;

    /// <summary>Only TCP traffic to this port of the instance (and its replies); null: all traffic.</summary>
    public int? Port { get; init; }

    /// <summary>Partition: only traffic with these instances (a peer service); empty: with everyone.</summary>
    public IReadOnlyList<string> Peers { get; init; } = [];
}

public enum NetworkShapeKind
{
    Delay,
    Loss,
    Bandwidth,
    Partition,
}

public enum TrafficDirection
{
    /// <summary>What the instance receives.</summary>
    In,

    /// <summary>What the instance sends.</summary>
    Out,

    Both,
}
