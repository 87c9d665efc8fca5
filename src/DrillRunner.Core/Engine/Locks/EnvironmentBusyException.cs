namespace DrillRunner.Engine.Locks;

/// <summary>Another run holds the environment.</summary>
public sealed class EnvironmentBusyException : Exception
{
    public EnvironmentBusyException(string message)
        : base(message)
    {
    }

    public EnvironmentBusyException()
    {
    }

    public EnvironmentBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
