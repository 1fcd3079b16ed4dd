// Talks to the payment provider over HTTPS; any failure is the provider's or ours, not the client's.
async function charge(userId, quantity) {
  const response = await fetch(`${process.env.PAYMENTS_URL}/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, quantity }),
  });
  if (!response.ok) throw new Error(`payments answered ${response.status}`);
  return response.json();
}

module.exports = { charge };
