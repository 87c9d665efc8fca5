namespace DrillRunner.Traffic.Http;

internal enum Outcome
{
    Ok,
    Status4xx,
    Status5xx,
    Timeout,
    ConnectError,
    Transport,
}
