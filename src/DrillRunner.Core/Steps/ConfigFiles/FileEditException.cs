namespace DrillRunner.Steps.ConfigFiles;

/// <summary>
/// A config-file change that cannot be made or that the server rejects (directive not found, template that does not
/// render, reload command that fails, check that fails). Its message says why, and what was put back.
/// </summary>
public sealed class FileEditException : Exception
{
    public FileEditException(string message)
        : base(message)
    {
    }

    public FileEditException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FileEditException()
    {
    }
}
