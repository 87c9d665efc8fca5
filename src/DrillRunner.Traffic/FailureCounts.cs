namespace DrillRunner.Traffic;

/// <summary>
/// Failed requests by reason. 1xx-3xx responses are successes. <see cref="Timeout"/> includes requests that waited
/// longer than the timeout for a free connection; <see cref="Transport"/> is a connection reset or closed
/// mid-exchange, or a malformed response.
/// </summary>
public sealed record FailureCounts(long Status4xx, long Status5xx, long Timeout, long ConnectError, long Transport)
{
    public static FailureCounts None { get; } = new(0, 0, 0, 0, 0);

    public long Total => Status4xx + Status5xx + Timeout + ConnectError + Transport;
}
