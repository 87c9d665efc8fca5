namespace DrillRunner.Engine.Halt;

/// <summary>A run was refused before it started because the halt-all switch is on.</summary>
public sealed class HaltedException : Exception
{
    public HaltedException(HaltState state)
        : base(state?.Describe())
    {
        State = state;
    }

    public HaltedException()
    {
    }

    public HaltedException(string message)
        : base(message)
    {
    }

    public HaltedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HaltState? State { get; }
}
