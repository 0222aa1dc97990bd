// Starts chat.html; a file of its own, as the Content-Security-Policy allows no inline script.
// /chat.html?orderId={orderId}&userId={userId}[&token={JWT}], as seed 001 documents it.
{
  const params = new URLSearchParams(location.search);
  const orderId = params.get("orderId");
  if (!orderId) {
    document.getElementById("chat-status").textContent = "Add ?orderId={orderId}&userId={userId} to the address.";
  } else {
    document.getElementById("chat-title").textContent = "Order chat " + orderId.slice(0, 8);
    window.chat = new ChatClient(orderId, params.get("userId"));
    window.addEventListener("beforeunload", () => window.chat.leaveChat());
  }
}
