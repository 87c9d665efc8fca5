namespace DrillRunner.Chaos.Pipelines;

/// <summary>Thrown by an <c>error</c> fault; the inbound middleware turns it into the fault's status code.</summary>
public sealed class ChaosInjectedException : Exception
{
    public ChaosInjectedException()
    {
    }

    public ChaosInjectedException(string message)
        : base(message)
    {
    }

    public ChaosInjectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChaosInjectedException(string faultName, int statusCode)
        : base($"chaos fault '{faultName}' injected")
    {
        FaultName = faultName;
        StatusCode = statusCode;
    }

    public string FaultName { get; } = "";

    public int StatusCode { get; } = ChaosConstants.DefaultErrorStatusCode;
}
