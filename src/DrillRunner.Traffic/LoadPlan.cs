using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Traffic;

/// <summary>
/// Everything one load-generator run needs. With a <see cref="Profile"/> the run is open-model (requests are due
/// at the profile's times whatever the server does); without one it is closed-model (each connection sends
/// back-to-back). Every run is bounded by both <see cref="Duration"/> and <see cref="MaxRequests"/>.
/// </summary>
public sealed class LoadPlan
{
    [Required]
    public required Uri Target { get; init; }

    /// <summary>Hosts this run may send to; a target outside the list is refused before anything is sent.</summary>
    [Required]
    public required IReadOnlyCollection<string> AllowedHosts { get; init; }

    [Required]
    [MinLength(1)]
    public IReadOnlyList<RequestTemplate> Mix { get; init; } = [new RequestTemplate()];

    /// <summary>Null means the closed model.</summary>
    public ArrivalProfile? Profile { get; init; }

    /// <summary>Synthetic users u1..uN; request n is sent as user (n mod N) + 1 in the <c>X-User-Id</c> header.</summary>
    [Range(1, 10_000_000)]
    public int Users { get; init; } = TrafficConstants.DefaultUsers;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Timeout { get; init; } = TrafficConstants.DefaultTimeout;

    [Range(1, 100_000)]
    public int Connections { get; init; } = TrafficConstants.DefaultConnections;

    /// <summary>Open model: requests sent or waiting for a connection; a request due beyond this is dropped.</summary>
    [Range(1, 10_000_000)]
    public int MaxInFlight { get; init; } = TrafficConstants.DefaultMaxInFlight;

    /// <summary>Accept any server certificate (self-signed staging certificates). Off by default.</summary>
    public bool Insecure { get; init; }

    [Range(1, long.MaxValue)]
    public long MaxRequests { get; init; } = TrafficConstants.DefaultMaxRequests;

    /// <summary>Upper bound on the run; an open-model run also ends when its profile does.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Duration { get; init; } = TrafficConstants.DefaultDuration;

    /// <summary>Seed for the mix choice and <c>{random}</c> placeholders, so a run can be repeated.</summary>
    public int Seed { get; init; }
}
