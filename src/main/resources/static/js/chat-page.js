// Starts chat.html; a file of its own, as the Content-Security-Policy allows no inline script.
// /chat.html?orderId={orderId}&userId={userId}[&token={JWT}], as seed 001 documents it.
// The order is named as the web app names it: "Order 1da8b4f0 — cash · 25".
{
  const params = new URLSearchParams(location.search);
  const orderId = params.get("orderId");
  const title = document.getElementById("chat-title");
  if (!orderId) {
    document.getElementById("chat-status").textContent = "Add ?orderId={orderId}&userId={userId} to the address.";
  } else {
    const name = "Order " + orderId.slice(0, 8);
    title.textContent = name;
    document.title = name;
    window.chat = new ChatClient(orderId, params.get("userId"));
    window.addEventListener("beforeunload", () => window.chat.leaveChat());
    if (window.chat.token) {
      fetch("/api/orders/" + encodeURIComponent(orderId), { headers: { authorization: "Bearer " + window.chat.token } })
        .then((response) => (response.ok ? response.json() : null))
        .then((answer) => {
          const order = answer && answer.data;
          if (!order) return;
          const amount = order.amount == null || order.amount === "" ? null
            : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(Number(order.amount));
          const what = order.title || [order.exchangeMethod, amount].filter((part) => part != null && part !== "").join(" · ");
          title.textContent = what ? name + " — " + what : name;
          document.title = title.textContent;
        })
        .catch(() => {}); // the id-based name stays
    }
  }
}
