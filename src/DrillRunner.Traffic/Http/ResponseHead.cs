namespace DrillRunner.Traffic.Http;

/// <summary>What the status line and headers of a response say about how to read the rest of it.</summary>
internal readonly record struct ResponseHead(int Status, int HeaderLength, long ContentLength, bool Chunked, bool Close)
{
    /// <summary>Neither a length nor chunked: the body runs until the server closes the connection.</summary>
    public bool BodyUntilClose => ContentLength < 0 && !Chunked;
}
