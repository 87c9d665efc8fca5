namespace DrillRunner.Traffic.Loop;

internal enum LoopState
{
    /// <summary>No socket, no exchange: the next request connects first.</summary>
    Closed,

    /// <summary>Connected, no exchange.</summary>
    Idle,
    Connecting,
    Sending,
    Receiving,
}
