//! `area!`: one API area's operations in a compact form, expanded to `#[utoipa::path]` stubs
//! and the `Area` that registers them, so that what an area states once (its tag, the JSON
//! request media type, the list of its paths) is written once. What a whole surface states
//! (security, shared error statuses, `Retry-After`) is added later by its conventions pass
//! (`crate::conventions`), so a stub lists only what is particular to its operation.

/// Declares the operation stubs of one area and `pub struct Area` (its `OpenApi`):
///
/// ```text
/// area! {
///     tag = "Agents",                      // every operation's tag
///         components(schemas(..));         // optional: schemas no body names
///
///     /// Summary              (the doc comment: the operation's summary and description)
///     post "/v1/path/{id}" operationId     // method, path; the id names the stub too
///         params(..)                       // optional, as in `#[utoipa::path]`
///         json(RequestBody, "description") // optional: the application/json request body
///         security(..)                     // optional, as in `#[utoipa::path]`
///         => 200 Body "Description.",      // responses: status, body (none when left out),
///            404 "Description."            //   description, then optional `content(..)`
///            content(..) headers(..);      //   and `headers(..)` as in `#[utoipa::path]`
/// }
/// ```
macro_rules! area {
    (
        tag = $tag:literal $(, components($($components:tt)*))?;
        $(
            $(#[doc = $doc:literal])*
            $method:ident $path:literal $id:ident
                $(params($($params:tt)*))?
                $(json($request:ident $(, $request_doc:literal)?))?
                $(security($($security:tt)*))?
                => $(
                    $status:literal $($body:ident)? $description:literal
                        $(content($($content:tt)*))? $(headers($($headers:tt)*))?
                ),+;
        )*
    ) => {
        #[derive(utoipa::OpenApi)]
        #[openapi(paths($($id),*) $(, components($($components)*))?)]
        pub struct Area;

        $(
            $(#[doc = $doc])*
            #[utoipa::path(
                $method,
                path = $path,
                tag = $tag,
                $(params($($params)*),)?
                $(request_body(
                    content = $request,
                    content_type = "application/json"
                    $(, description = $request_doc)?
                ),)?
                $(security($($security)*),)?
                responses($((
                    status = $status,
                    description = $description
                    $(, body = $body)?
                    $(, content($($content)*))?
                    $(, headers($($headers)*))?
                )),+)
            )]
            // The stub carries only the attribute; its name is the operation id.
            #[allow(dead_code, non_snake_case)]
            pub(crate) fn $id() {}
        )*
    };
}

pub(crate) use area;
