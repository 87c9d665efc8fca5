namespace DrillRunner.Security;

/// <summary>Roles and the authorization policies named after them; each role includes the ones before it.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>The roles that satisfy <paramref name="policy"/>.</summary>
    public static string[] AtLeast(string policy) => All.SkipWhile(r => r != policy).ToArray();
}
