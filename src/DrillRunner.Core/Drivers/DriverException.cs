namespace DrillRunner.Drivers;

/// <summary>
/// An environment problem the user can act on (engine unreachable, instance missing). Printed without
/// a stack trace; the CLI exits with code 2.
/// </summary>
public sealed class DriverException : Exception
{
    public DriverException(string message)
        : base(message)
    {
    }

    public DriverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DriverException()
    {
    }
}
