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
        var basePath = target.AbsolutePath.TrimEnd('/');
        var path = template.Path.StartsWith('/') ? template.Path : "/" + template.Path;
        _path = TemplatePart.Parse(basePath + path);
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
