namespace DrillRunner.Docker.Import;

/// <summary>The labels Docker Compose (v1 and v2) puts on every container it creates.</summary>
public static class ComposeLabels
{
    public const string Project = "com.docker.compose.project";
    public const string Service = "com.docker.compose.service";
}
