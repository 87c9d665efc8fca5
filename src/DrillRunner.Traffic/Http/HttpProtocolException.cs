namespace DrillRunner.Traffic.Http;

/// <summary>The server sent something that is not a valid HTTP/1.1 response.</summary>
internal sealed class HttpProtocolException : Exception
{
    public HttpProtocolException()
    {
    }

    public HttpProtocolException(string message)
        : base(message)
    {
    }

    public HttpProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
