namespace SeoulPolicyPortal.Web.Infrastructure.Mail;

/// <summary>
/// Wakes this instance's sender as soon as a message is committed, instead of at the next poll. Only a shortcut: the
/// outbox table is the truth, and another instance finds the message at its own next poll.
/// </summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up sends everything that is due.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _signal.WaitAsync(timeout, cancellationToken);
}
