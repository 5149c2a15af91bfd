//! Skills: the registered skill catalogue.
#![allow(dead_code)] // the functions only carry `#[utoipa::path]`

use kindo_types::koda::conventions::PageQuery;
use kindo_types::koda::errors::ControlPlaneError;
use kindo_types::koda::skills::{Skill, SkillPage, SkillPath};
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(paths(list_skills, get_skill))]
pub struct Area;

/// List skills
///
/// Every registered skill: the catalogue the `/skill` command uses.
#[utoipa::path(
    get,
    path = "/api/control-plane/skills",
    operation_id = "listSkills",
    tag = "Skills",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of skills.", body = SkillPage),
    )
)]
fn list_skills() {}

/// Get a skill
///
/// The skill's metadata, frontmatter and body.
#[utoipa::path(
    get,
    path = "/api/control-plane/skills/{skill_id}",
    operation_id = "getSkill",
    tag = "Skills",
    params(SkillPath),
    responses(
        (status = 200, description = "The skill.", body = Skill),
        (status = 404, description = "No such skill.", body = ControlPlaneError),
    )
)]
fn get_skill() {}
