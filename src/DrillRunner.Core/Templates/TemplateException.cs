namespace DrillRunner.Templates;

/// <summary>A config template that does not parse or render (an unknown variable, a syntax error).</summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string message)
        : base(message)
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TemplateException()
    {
    }
}
