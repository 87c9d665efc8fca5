namespace DrillRunner.Docker.Containers;

/// <summary>Labels on containers the driver creates; <c>down</c> removes exactly what carries the environment label.</summary>
internal static class DockerLabels
{
    public const string Environment = "com.drillrunner.env";
    public const string Service = "com.drillrunner.service";
    public const string Instance = "com.drillrunner.instance";
    public const string Port = "com.drillrunner.port";

    /// <summary>On a short-lived helper container (<see cref="OneOffContainer"/>): the instance it works for.</summary>
    public const string HelperOf = "com.drillrunner.helper-of";

    /// <summary>On a volume the driver creates: what it holds (<c>data</c> of one instance, <c>shared</c> by a service).</summary>
    public const string Volume = "com.drillrunner.volume";

    /// <summary>In a helper container's name, after its instance's id.</summary>
    public const string HelperSuffix = "drillrunner-helper";

    /// <summary>Suffix of a container set aside during a recreate; it is never listed as an instance.</summary>
    public const string SetAsideSuffix = "-drillrunner-old";
}
