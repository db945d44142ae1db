# Shell completion scripts: each tool writes its own (`TOOL --completion SHELL`, from the option
# definitions its parser uses) into build/completions/{bash,zsh,fish}/ after it is linked; they are
# installed where bash-completion, zsh and fish look for them.
set(SYNCMLDM_COMPLETION_DIR ${CMAKE_BINARY_DIR}/completions)
set(SYNCMLDM_BASH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
    CACHE STRING "Where bash completion scripts are installed")
# zsh: empty means decided when installing, since cpack installs under /usr whatever the build
# was configured with: vendor-completions under /usr (in Debian's default fpath), site-functions
# elsewhere.
set(SYNCMLDM_ZSH_COMPLETION_DIR "" CACHE STRING "Where zsh completion functions are installed")
set(SYNCMLDM_FISH_COMPLETION_DIR ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
    CACHE STRING "Where fish completion scripts are installed")

function(syncmldm_add_completions tool)
  set(dir ${SYNCMLDM_COMPLETION_DIR})
  set(bash ${dir}/bash/${tool})
  set(zsh ${dir}/zsh/_${tool})
  set(fish ${dir}/fish/${tool}.fish)
  set(write "\"$0\" --completion \"$1\" > \"$2\"")
  add_custom_command(OUTPUT ${bash} ${zsh} ${fish}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${dir}/bash ${dir}/zsh ${dir}/fish
    COMMAND sh -c ${write} $<TARGET_FILE:${tool}> bash ${bash}
    COMMAND sh -c ${write} $<TARGET_FILE:${tool}> zsh ${zsh}
    COMMAND sh -c ${write} $<TARGET_FILE:${tool}> fish ${fish}
    DEPENDS ${tool}
    COMMENT "Writing the shell completion scripts of ${tool}"
    VERBATIM)
  add_custom_target(${tool}-completions ALL DEPENDS ${bash} ${zsh} ${fish})
  install(FILES ${bash} DESTINATION ${SYNCMLDM_BASH_COMPLETION_DIR})
  if(SYNCMLDM_ZSH_COMPLETION_DIR)
    install(FILES ${zsh} DESTINATION ${SYNCMLDM_ZSH_COMPLETION_DIR})
  else()
    install(CODE "
      set(zsh_dir site-functions)
      if(CMAKE_INSTALL_PREFIX STREQUAL \"/usr\")
        set(zsh_dir vendor-completions)
      endif()
      file(INSTALL \"${zsh}\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_DATADIR}/zsh/\${zsh_dir}\")")
  endif()
  install(FILES ${fish} DESTINATION ${SYNCMLDM_FISH_COMPLETION_DIR})
endfunction()
