namespace DrillRunner.Loading;

/// <summary>Resolver for files without polymorphic parts (environment files).</summary>
internal sealed class NoKinds : IKindResolver
{
    public static readonly NoKinds Instance = new();

    public bool IsPolymorphic(Type baseType) => false;

    public Type? Resolve(Type baseType, string kind) => null;

    public IReadOnlyCollection<string> KnownKinds(Type baseType) => [];
}
