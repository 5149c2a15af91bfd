//! Skills: the registered skill catalogue.

use kindo_types::koda::conventions::PageQuery;
use kindo_types::koda::errors::ControlPlaneError;
use kindo_types::koda::skills::{Skill, SkillPage, SkillPath};

use crate::area::area;

area! {
    tag = "Skills";

    /// List skills
    ///
    /// Every registered skill: the catalogue the `/skill` command uses.
    get "/api/control-plane/skills" listSkills params(PageQuery)
        => 200 SkillPage "One page of skills.";

    /// Get a skill
    ///
    /// The skill's metadata, frontmatter and body.
    get "/api/control-plane/skills/{skill_id}" getSkill params(SkillPath)
        => 200 Skill "The skill.",
           404 ControlPlaneError "No such skill.";
}
