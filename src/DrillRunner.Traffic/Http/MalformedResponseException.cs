namespace DrillRunner.Traffic.Http;

/// <summary>The server sent something that is not a valid HTTP/1.1 response.</summary>
internal sealed class MalformedResponseException : Exception
{
    public MalformedResponseException()
    {
    }

    public MalformedResponseException(string message)
        : base(message)
    {
    }

    public MalformedResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
