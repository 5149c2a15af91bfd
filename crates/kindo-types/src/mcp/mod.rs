//! The MCP gateway: `POST /v1/mcp`, JSON-RPC 2.0 over the MCP Streamable HTTP transport, plus
//! the RFC 9728 protected-resource metadata that its `401` points to.
//!
//! Protocol-level failures (unknown tool, bad params, revoked credentials) are JSON-RPC errors
//! inside an HTTP `200`; only transport, auth and content-negotiation failures use HTTP status
//! codes.

pub mod oauth;
pub mod params;
pub mod request;
pub mod response;
pub mod results;
