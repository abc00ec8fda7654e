namespace SeoulPolicyPortal.Web.Infrastructure;

/// <summary>
/// Answers HEAD exactly as GET (status and headers) without a body, for every address: MVC actions are GET-only, and
/// link checkers, uptime monitors and crawlers ask with HEAD (RFC 9110 9.3.2).
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next();
                return;
            }

            var response = context.Response;
            var body = response.Body;
            await using var counter = new CountingStream();
            context.Request.Method = HttpMethods.Get;
            response.Body = counter;
            try
            {
                await next();
                // What GET would have said its length was, when it did not say so itself and did not stream.
                if (!response.HasStarted && response.ContentLength is null && counter.Length > 0 && !response.Headers.ContainsKey("Transfer-Encoding"))
                {
                    response.ContentLength = counter.Length;
                }
            }
            finally
            {
                response.Body = body;
                context.Request.Method = HttpMethods.Head;
            }
        });

    /// <summary>Counts what is written and keeps none of it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
