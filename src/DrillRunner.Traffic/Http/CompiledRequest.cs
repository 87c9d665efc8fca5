using System.Buffers;
using System.Text;

namespace DrillRunner.Traffic.Http;

/// <summary>
/// A request template turned into bytes once, so the hot path only copies literals and formats a few numbers.
/// </summary>
internal sealed class CompiledRequest
{
    private readonly byte[] _requestLineStart;
    private readonly IReadOnlyList<TemplatePart> _path;
    private readonly byte[] _headers;
    private readonly IReadOnlyList<TemplatePart>? _body;
    private readonly bool _bodyIsConstant;
    private readonly int _constantBodyLength;

    public CompiledRequest(RequestTemplate template, Uri target)
    {
        _requestLineStart = Encoding.ASCII.GetBytes(template.Method.ToUpperInvariant() + " ");
        _path = TemplatePart.Parse(ResolvePath(target, template.Path));
        var headers = new StringBuilder();
        headers.Append(" HTTP/1.1\r\nHost: ").Append(target.Authority).Append("\r\n");
        foreach (var (name, value) in template.Headers)
        {
            if (name.Contains('\n', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Header {name} must not contain line breaks.", nameof(template));
            }

            headers.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        headers.Append(TrafficConstants.UserHeader).Append(": u");
        _headers = Encoding.UTF8.GetBytes(headers.ToString());
        _body = template.Body is null ? null : TemplatePart.Parse(template.Body);
        _bodyIsConstant = _body is null || _body.All(p => p.Kind == TemplatePartKind.Literal);
        _constantBodyLength = _bodyIsConstant && _body is not null ? _body.Sum(p => p.Literal.Length) : 0;
        Weight = template.Weight;
        IsHead = string.Equals(template.Method, "HEAD", StringComparison.OrdinalIgnoreCase);
    }

    public int Weight { get; }

    /// <summary>Responses to HEAD carry headers only, whatever their Content-Length says.</summary>
    public bool IsHead { get; }

    private static ReadOnlySpan<byte> ContentLength => "\r\nContent-Length: "u8;

    public void Write(ArrayBufferWriter<byte> output, ArrayBufferWriter<byte> scratch, int user, long sequence, Random random)
    {
        output.Write(_requestLineStart);
        WriteParts(output, _path, user, sequence, random);
        output.Write(_headers);
        WriteNumber(output, user);
        if (_body is null)
        {
            output.Write("\r\n\r\n"u8);
            return;
        }

        output.Write(ContentLength);
        if (_bodyIsConstant)
        {
            WriteNumber(output, _constantBodyLength);
            output.Write("\r\n\r\n"u8);
            WriteParts(output, _body, user, sequence, random);
            return;
        }

        scratch.ResetWrittenCount();
        WriteParts(scratch, _body, user, sequence, random);
        WriteNumber(output, scratch.WrittenCount);
        output.Write("\r\n\r\n"u8);
        output.Write(scratch.WrittenSpan);
    }

    /// <summary>
    /// Resolves like a relative URI reference, but on the raw text so placeholders survive: empty means the
    /// target itself, a leading slash replaces the target's path, anything else is relative to its directory.
    /// </summary>
    private static string ResolvePath(Uri target, string path)
    {
        if (path.Length == 0)
        {
            return target.PathAndQuery;
        }

        if (path.StartsWith('/'))
        {
            return path;
        }

        var directory = target.AbsolutePath[..(target.AbsolutePath.LastIndexOf('/') + 1)];
        return directory + path;
    }

    private static void WriteParts(ArrayBufferWriter<byte> output, IReadOnlyList<TemplatePart> parts, int user, long sequence, Random random)
    {
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case TemplatePartKind.Literal:
                    output.Write(part.Literal);
                    break;
                case TemplatePartKind.User:
                    WriteNumber(output, user);
                    break;
                case TemplatePartKind.Sequence:
                    WriteNumber(output, sequence);
                    break;
                default:
                    WriteNumber(output, random.Next(part.Min, part.Max + 1));
                    break;
            }
        }
    }

    private static void WriteNumber(ArrayBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(written);
    }
}
