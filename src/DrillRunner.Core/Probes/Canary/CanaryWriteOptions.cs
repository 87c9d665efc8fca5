using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Probes.Canary;

/// <summary>The canary's write path: the request that stores one sequenced record, and where its id comes back.</summary>
public sealed class CanaryWriteOptions : IValidatableObject
{
    [RegularExpression("^[A-Z]{3,7}$", ErrorMessage = "must be an HTTP method such as POST or PUT")]
    public string Method { get; init; } = "POST";

    /// <summary>Absolute URL; <c>${endpoints.NAME}</c> and the canary placeholders may stand in its path and query.</summary>
    [Required]
    public string Url { get; init; } = "";

    public string? Body { get; init; }

    public string ContentType { get; init; } = CanaryConstants.DefaultContentType;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>JSONPath of the id in the acknowledgement's body; default <c>$.id</c> unless <see cref="IdHeader"/> is set.</summary>
    public string? IdPath { get; init; }

    /// <summary>A response header holding the id (e.g. <c>Location</c>), instead of <see cref="IdPath"/>.</summary>
    public string? IdHeader { get; init; }

    /// <summary>Statuses that acknowledge the write; empty (the default) means any 2xx.</summary>
    public IReadOnlyList<int> ExpectStatus { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CanaryTemplate.UrlProblem(Url, readPath: false) is { } url)
        {
            yield return new ValidationResult(url, [nameof(Url)]);
        }

        if (Body is not null && CanaryTemplate.Problem(Body, readPath: false) is { } body)
        {
            yield return new ValidationResult(body, [nameof(Body)]);
        }

        if (Headers.Values.Select(v => CanaryTemplate.Problem(v, readPath: false)).FirstOrDefault(p => p is not null) is { } header)
        {
            yield return new ValidationResult(header, [nameof(Headers)]);
        }

        if (IdPath is not null && IdHeader is not null)
        {
            yield return new ValidationResult("give idPath or idHeader, not both", [nameof(IdHeader)]);
        }
        else if (IdPath is not null && CanaryJson.PathProblem(IdPath) is { } path)
        {
            yield return new ValidationResult(path, [nameof(IdPath)]);
        }

        if (ExpectStatus.Any(s => s is < 200 or > 299))
        {
            yield return new ValidationResult("an acknowledgement is a 2xx status", [nameof(ExpectStatus)]);
        }
    }
}
