using System.Globalization;

namespace DrillRunner.Chaos.Faults;

/// <summary>Turns a request body into an <see cref="ActiveFault"/>, or a message saying what is wrong.</summary>
internal static class FaultRequestValidator
{
    public static string? Validate(string name, FaultRequest request, DateTimeOffset now, out ActiveFault? fault)
    {
        fault = null;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            return "fault name must be 1..100 characters.";
        }

        FaultKind? kind = request.Kind?.ToLowerInvariant() switch
        {
            ChaosConstants.LatencyKind => FaultKind.Latency,
            ChaosConstants.ErrorKind => FaultKind.Error,
            ChaosConstants.OutcomeKind => FaultKind.Outcome,
            _ => null,
        };
        if (kind is null)
        {
            return $"kind must be one of latency, error, outcome; got '{request.Kind}'.";
        }

        var rate = request.Rate ?? 1.0;
        if (double.IsNaN(rate) || rate is < 0 or > 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"rate must be between 0 and 1, got {rate}.");
        }

        var latencyMs = request.LatencyMs ?? ChaosConstants.DefaultLatencyMilliseconds;
        if (latencyMs is < 0 or > ChaosConstants.MaxLatencyMilliseconds)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"latencyMs must be between 0 and {ChaosConstants.MaxLatencyMilliseconds}, got {latencyMs}.");
        }

        var status = request.StatusCode
            ?? (kind == FaultKind.Error ? ChaosConstants.DefaultErrorStatusCode : ChaosConstants.DefaultOutcomeStatusCode);
        if (status is < 100 or > 599)
        {
            return string.Create(CultureInfo.InvariantCulture, $"statusCode must be between 100 and 599, got {status}.");
        }

        if (request.Route is { } route && !route.StartsWith('/'))
        {
            return $"route must start with '/', got '{route}'.";
        }

        if (Lease.Validate(request.LeaseSeconds, out var lease) is { } leaseError)
        {
            return leaseError;
        }

        fault = new ActiveFault(
            name,
            kind.Value,
            rate,
            TimeSpan.FromMilliseconds(latencyMs),
            status,
            string.IsNullOrEmpty(request.Route) ? null : request.Route,
            string.IsNullOrEmpty(request.Dependency) ? null : request.Dependency,
            now + lease);
        return null;
    }
}
