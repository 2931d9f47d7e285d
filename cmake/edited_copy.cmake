# Writing a copy of a third-party source with a few exact passages replaced (cmake/imgui_for_web.cmake,
# cmake/json_for_web.cmake). A passage not found stops the build: a new version of the library must
# never silently keep what its copy was meant to lose.

# Replaces `before` by `after` in the variable named `text_var`; `where` names its file in the message.
function(replace_exactly text_var where before after)
  string(FIND "${${text_var}}" "${before}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${where}: \"${before}\" is not where the version this build expects has it")
  endif()
  string(REPLACE "${before}" "${after}" text "${${text_var}}")
  set(${text_var} "${text}" PARENT_SCOPE)
endfunction()

# Writes `text` to `path`, leaving the file untouched when it is already that (nothing rebuilds).
function(write_if_changed path text)
  file(WRITE "${path}.tmp" "${text}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${path}.tmp" "${path}")
endfunction()
