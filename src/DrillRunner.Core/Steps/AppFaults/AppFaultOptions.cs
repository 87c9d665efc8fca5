using System.ComponentModel.DataAnnotations;
using DrillRunner.Model;
using DrillRunner.Units;

namespace DrillRunner.Steps.AppFaults;

/// <summary>Options of the app-level faults <c>latency</c> and <c>error</c>, injected through the service's chaos endpoint.</summary>
public sealed class AppFaultOptions : TargetedStepOptions
{
    /// <summary>Share of requests hit.</summary>
    public Percentage Rate { get; init; } = new(1);

    /// <summary>Added delay, for <c>latency</c>.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Status answered, for <c>error</c>.</summary>
    [Range(400, 599)]
    public int Status { get; init; } = 503;

    /// <summary>Only requests whose path starts with this (e.g. <c>/orders</c>).</summary>
    public string? Route { get; init; }

    /// <summary>Aim at a named outgoing dependency of the service instead of its inbound requests.</summary>
    public string? Dependency { get; init; }

    /// <summary>The fault switches itself off if the runner stops renewing it for this long.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);
}
