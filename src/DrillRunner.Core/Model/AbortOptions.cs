namespace DrillRunner.Model;

/// <summary>A condition that stops injection and starts the restore as soon as it holds.</summary>
public class AbortOptions : ComponentOptions
{
}
